package extract

import (
	"strings"
	"unicode"

	"github.com/echotrace/echotrace/internal/doc"
)

// Sources that are a share of a group, as polls report them: "Twenty-four
// percent said", "67 percent of voters say", "42% say", "One in five
// say", "nearly half of Democratic primary voters said", "a majority of
// Republicans believe", "Some said", "Many say". Such a source speaks for
// many people and is never resolved to one name.

// shareWords head a share of a group.
var shareWords = set(`percent pct half third thirds quarter quarters fifth fifths majority majorities
	plurality minority`)

// groupPronouns are quantifiers that stand alone for part of a group
// ("Some said", "Others say").
var groupPronouns = set(`some many most others few several both all none`)

// numberWords spell numbers ("Twenty-four", "one in five").
var numberWords = set(`one two three four five six seven eight nine ten eleven twelve thirteen fourteen
	fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
	hundred`)

// shareModifiers stand before a share ("more than half", "nearly 40
// percent", "only a third").
var shareModifiers = set(`more less fewer than nearly almost about roughly some only just over under
	around approximately a an the`)

// quantityBefore parses a share of a group ending at token e, the
// subject of a cue after it. The phrase must open its clause.
func (a *analysis) quantityBefore(e int) (source, bool) {
	if e < 0 || a.inQuote[e] {
		return source{}, false
	}
	head := -1
	switch k := a.toks[e].Key; {
	case shareWords[k] || a.isNumber(e) && strings.HasPrefix(strings.TrimSpace(a.text[a.toks[e].End:min(len(a.text), a.toks[e].End+2)]), "%"):
		head = e
	case groupPronouns[k] && k != "none":
		head = e
	case a.isNumber(e) && e >= 2 && a.toks[e-1].Key == "in" && a.isNumber(e-2):
		head = e - 2 // "one in five", "4 in 10"
	default:
		// "67 percent of voters", "half of Democratic primary voters",
		// "most of them": the group after "of", up to five words.
		for o := e - 1; o > 0 && o >= e-6; o-- {
			if !isBlank(gap(a.text, a.toks, o+1)) {
				return source{}, false
			}
			if a.toks[o].Key == "of" {
				if q := a.toks[o-1].Key; shareWords[q] || groupPronouns[q] || a.isNumber(o-1) && strings.HasPrefix(strings.TrimSpace(a.text[a.toks[o-1].End:a.toks[o].Begin]), "%") {
					head = o - 1
				}
				break
			}
		}
	}
	if head < 0 {
		return source{}, false
	}
	// Back over the number and its modifiers to where the phrase begins.
	b := head
	for b > 0 && head-b < 6 && isBlank(gap(a.text, a.toks, b)) || b > 0 && head-b < 6 && gap(a.text, a.toks, b) == "-" {
		p := b - 1
		if a.isNumber(p) || shareModifiers[a.toks[p].Key] || a.toks[p].Key == "in" && b < head {
			b = p
			continue
		}
		break
	}
	if g := gap(a.text, a.toks, b); b > 0 && !a.starts[b] && !strings.ContainsAny(g, ",;:—–") && !strings.Contains(g, " - ") && !a.is(b-1, wcSubordinator) {
		return source{}, false
	}
	end := a.toks[e].End
	if strings.HasPrefix(a.text[end:], "%") {
		end++ // "42%"
	}
	return source{Span: doc.Span{Begin: a.toks[b].Begin, End: end}, Kind: srcPlural, Run: -1, Head: a.toks[head].Key}, true
}

// isNumber reports whether token i is a number in digits or words.
func (a *analysis) isNumber(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	k := a.toks[i].Key
	if numberWords[k] {
		return true
	}
	for _, r := range k {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return k != ""
}
