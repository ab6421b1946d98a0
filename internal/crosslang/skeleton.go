package crosslang

import "strings"

// skeletonLen is how many sound classes of a word's skeleton make its key:
// enough to tell names and cognates apart, short enough that the endings
// languages add (президент/presidential, экономический/economic) do not
// matter.
const skeletonLen = 4

// skeleton writes a romanized word (lower-case ASCII, see Latin) as a
// string of consonant classes, so that the spellings one name gets in
// different languages and romanizations meet: vowels are dropped (a word
// that starts with one keeps a single mark), letters that languages use
// for one sound share a class, and doubled classes collapse.
//
//	b → b   p → p   f v w ph → v   d → d   t th → t (ti before a vowel: s)   g → g
//	k c(hard) ck q x(first half) → k   h kh → h   l m n r → themselves
//	s z c(soft) ts tz sh sch shch ch zh j dzh dj x(second half) → s
//
// The sibilants and affricates form one class because romanizations and
// languages disagree most about them (Шольц sholts / Scholz, Ширак /
// Chirac, Жан zhan / Jean). So Песков and Peskov are both "pskv", Макрон
// and Macron "mkrn", Москва and Moscow "mskv", Пётр and Peter "ptr".
func skeleton(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	last := byte(0)
	emit := func(c byte) {
		if c != last {
			b.WriteByte(c)
		}
		last = c
	}
	for i := 0; i < len(w); {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		n := 1
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			if i == 0 {
				emit('a')
			} else {
				last = 0 // a vowel separates: "nn" collapses, "nan" does not
			}
		case 'b':
			emit('b')
		case 'p':
			if next == 'h' {
				n = 2
				emit('v')
			} else {
				emit('p')
			}
		case 'f', 'v', 'w':
			emit('v')
		case 'd':
			switch {
			case strings.HasPrefix(w[i:], "dzh"):
				n = 3
				emit('s')
			case next == 'j':
				n = 2
				emit('s')
			default:
				emit('d')
			}
		case 't':
			switch {
			case next == 'i' && i+2 < len(w) && (w[i+2] == 'o' || w[i+2] == 'a') && i > 0:
				emit('s') // -tion, -tia: nation, Croatia (нация, Хорватия)
			case next == 'h':
				n = 2
				emit('t')
			case next == 's' || next == 'z':
				n = 2
				emit('s')
			default:
				emit('t')
			}
		case 'g':
			emit('g')
		case 'k':
			if next == 'h' {
				n = 2
				emit('h')
			} else {
				emit('k')
			}
		case 'q':
			emit('k')
			if next == 'u' {
				n = 2
			}
		case 'c':
			switch next {
			case 'k':
				n = 2
				emit('k')
			case 'h':
				n = 2
				emit('s')
			case 'e', 'i', 'y':
				emit('s')
			default:
				emit('k')
			}
		case 'x':
			emit('k')
			emit('s')
		case 'h':
			// After a vowel and before a consonant h is silent (John,
			// Johnson: Джон, Джонсон); elsewhere it is heard (Bahrain).
			if i > 0 && isVowel(w[i-1]) && i+1 < len(w) && !isVowel(next) {
				break
			}
			emit('h')
		case 's':
			switch {
			case strings.HasPrefix(w[i:], "shch"):
				n = 4
			case strings.HasPrefix(w[i:], "sch"):
				n = 3
			case next == 'h':
				n = 2
			}
			emit('s')
		case 'z':
			if next == 'h' {
				n = 2
			}
			emit('s')
		case 'j':
			emit('s')
		case 'l', 'm', 'n', 'r':
			emit(c)
		default:
			last = 0 // a digit or anything else: no class
		}
		i += n
	}
	return b.String()
}

// skeletonKey is the first skeletonLen classes of a word's skeleton.
func skeletonKey(latin string) string {
	s := skeleton(latin)
	if len(s) > skeletonLen {
		s = s[:skeletonLen]
	}
	return s
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}
