package read

import (
	"iter"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"

	"github.com/echotrace/echotrace/internal/doc"
)

// MarkRegions marks the parts of d.Text that are not the article's own
// body, or that say where it came from, by general rules that hold for
// publisher text in any language and for English, Russian, French, German
// and Spanish phrasing:
//
//   - comment threads: from the first comment header (a user handle such as
//     name@instance or u/name next to "N hours ago", "N points" or "Reply")
//     that follows some article text, to the end of the text;
//   - boilerplate: calls to share, follow, subscribe or donate, copyright
//     lines, disclaimers, "click here", "Related:" lines, translate-button
//     notes;
//   - captions: image captions and photo credits ("Photo:", "FILE PHOTO:",
//     "© Agency / Name", agency credit lines), to the end of their line;
//   - hints: "Originally published on X", "Source: X", "via X", agency tags
//     such as "(Reuters)" at the start or end, archive links and bare URL
//     lines, with the outlet or URL in Note.
//
// The rules are conservative: a line is boilerplate only when a publisher
// phrase dominates it, because a false region silently removes article
// text from reuse counting. Regions already present (from an HTML reader)
// are kept; new ones never overlap them. The result is sorted and
// non-overlapping, and marking twice changes nothing.
func MarkRegions(d *doc.Document) {
	lines := splitLines(d.Text)
	end := len(lines)
	if i := commentThreadStart(lines); i >= 0 {
		last := lastNonBlank(lines)
		addRegion(d, doc.Region{Kind: doc.RegionComment, Begin: lines[i].begin, End: lines[last].end})
		end = i
	}
	body := lines[:end]
	for i := range body {
		if r, ok := classifyLine(body, i); ok {
			addRegion(d, r)
		}
	}
	captionGroups(d, body)
	agencyTags(d, body)
	mergeAdjacent(d)
}

// textLine is one line of a text: its bounds without surrounding white
// space, and its content without a leading list bullet.
type textLine struct {
	begin, end   int
	text         string
	content      string
	contentBegin int
	bullet       bool
}

func (l textLine) blank() bool { return l.text == "" }

// bullets are the list markers that may precede a line's content.
const bullets = "•·*-–—▪►◦‣○●"

// splitLines cuts a text into lines with their byte bounds.
func splitLines(text string) []textLine {
	return slices.AppendSeq(make([]textLine, 0, strings.Count(text, "\n")+1), eachLine(text))
}

// eachLine yields the lines of a text with their byte bounds, for callers
// that look at each line once and need no slice of them.
func eachLine(text string) iter.Seq[textLine] {
	return func(yield func(textLine) bool) {
		for off := 0; off <= len(text); {
			nl := strings.IndexByte(text[off:], '\n')
			raw := text[off:]
			if nl >= 0 {
				raw = text[off : off+nl]
			}
			lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
			trimmed := strings.TrimSpace(raw)
			l := textLine{begin: off + lead, end: off + lead + len(trimmed), text: trimmed}
			l.content, l.contentBegin = trimmed, l.begin
			if r, n := utf8.DecodeRuneInString(trimmed); n > 0 && strings.ContainsRune(bullets, r) && len(trimmed) > n {
				if next, _ := utf8.DecodeRuneInString(trimmed[n:]); unicode.IsSpace(next) {
					rest := strings.TrimLeftFunc(trimmed[n:], unicode.IsSpace)
					l.content, l.contentBegin, l.bullet = rest, l.end-len(rest), true
				}
			}
			if !yield(l) || nl < 0 {
				return
			}
			off += nl + 1
		}
	}
}

func lastNonBlank(lines []textLine) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if !lines[i].blank() {
			return i
		}
	}
	return -1
}

// addRegion inserts r into d.Regions in order unless it is empty, out of
// range or overlaps a region already there. It reports whether it did.
func addRegion(d *doc.Document, r doc.Region) bool {
	if r.Begin < 0 || r.End > len(d.Text) || r.Begin >= r.End {
		return false
	}
	i := sort.Search(len(d.Regions), func(i int) bool { return d.Regions[i].End > r.Begin })
	if i < len(d.Regions) && d.Regions[i].Begin < r.End {
		return false
	}
	d.Regions = append(d.Regions, doc.Region{})
	copy(d.Regions[i+1:], d.Regions[i:])
	d.Regions[i] = r
	return true
}

// mergeAdjacent joins neighbouring boilerplate, caption or comment regions
// of one kind that only white space separates. Hints stay apart: each has
// its own note.
func mergeAdjacent(d *doc.Document) {
	if len(d.Regions) < 2 {
		return
	}
	out := d.Regions[:1]
	for _, r := range d.Regions[1:] {
		last := &out[len(out)-1]
		if r.Kind == last.Kind && r.Kind != doc.RegionHint && r.Note == last.Note &&
			strings.TrimSpace(d.Text[last.End:r.Begin]) == "" {
			last.End = r.End
			continue
		}
		out = append(out, r)
	}
	d.Regions = out
}

// ---- comment threads ----

// Comment header signals; each is matched against a short part of a line.
var (
	// name@instance.tld, possibly with emoji in the name (fediverse), or
	// u/name, /u/name and @name.
	handleRe = regexp.MustCompile(`^(?:[^\s@]{1,60}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}|/?u/[\p{L}\p{N}_-]{2,40}|@[\p{L}\p{N}_.]{2,40})$`)
	agoRe    = regexp.MustCompile(`(?i)^(?:edited\s+|bearbeitet\s+|modifié\s+|editado\s+)?(?:` +
		`(?:\d+|an?|one)\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?|mo|months?|y|yr|years?)\.?\s+ago` +
		`|\d+\s+(?:секунд\S*|минут\S*|час\S*|дн\S*|день|недел\S*|месяц\S*|год\S*|лет)\s+назад` +
		`|il y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)` +
		`|vor\s+\d+\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)` +
		`|hace\s+\d+\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)` +
		`)$`)
	pointsRe = regexp.MustCompile(`(?i)^[+-]?\d[\d,.]*\s*(?:points?|pts|votes?|upvotes?|likes?|очк\S*|голос\S*|лайк\S*|j'aime|punkte?|puntos?|votos?)$`)
	replyRe  = regexp.MustCompile(`(?i)^(?:(?:reply|report|share|save|permalink|parent|context|link|embed|ответить|пожаловаться|répondre|signaler|antworten|melden|responder|denunciar)\s*)+$|^\d+\s+(?:repl(?:y|ies)|ответ\S*|réponses?|antworten|respuestas?)$`)
)

// headerSignals says which comment-header signals a line carries. A line
// may carry several, separated by "·", "•" or "|" ("name · 3 hours ago").
func headerSignals(l textLine) (handle, ago, points, reply bool) {
	if l.blank() || len(l.content) > 120 {
		return
	}
	for _, part := range strings.FieldsFunc(l.content, func(r rune) bool { return r == '·' || r == '•' || r == '|' }) {
		part = strings.TrimSpace(part)
		if part == "" || len(part) > 60 {
			continue
		}
		// Cheap tests first: each expression needs a character the
		// others do not, and most lines are article text.
		digit := strings.ContainsAny(part, "0123456789")
		switch {
		case strings.ContainsAny(part, "@/") && handleRe.MatchString(part):
			handle = true
		case (digit || agoLiteral.find(part).any(0)) && agoRe.MatchString(part):
			ago = true
		case digit && pointsRe.MatchString(part):
			points = true
		case mayBeReplyLine(part) && replyRe.MatchString(part):
			reply = true
		}
	}
	return
}

// agoLiteral is what agoRe needs in a part without a digit.
var agoLiteral = newLiteralSet([]string{"ago"})

// separatorOnly reports lines that hold only "·" or similar punctuation,
// as comment headers put between handle and time.
func separatorOnly(l textLine) bool {
	return !l.blank() && strings.Trim(l.text, bullets+"|/ \t") == ""
}

// isCommentHeader says whether a comment header starts at line i: a user
// handle with a time, score or reply link on the same line or within the
// next three non-empty lines; or, without a handle, a time together with
// a score or reply link in that window.
func isCommentHeader(lines []textLine, i int) bool {
	handle, ago, points, reply := headerSignals(lines[i])
	if !handle && !ago && !points {
		return false
	}
	seen := 0
	for j := i + 1; j < len(lines) && j <= i+maxLookAround && seen < 3; j++ {
		if lines[j].blank() || separatorOnly(lines[j]) {
			continue
		}
		seen++
		h, a, p, r := headerSignals(lines[j])
		if !h && !a && !p && !r {
			break
		}
		ago, points, reply = ago || a, points || p, reply || r
	}
	if handle {
		return ago || points || reply
	}
	return ago && (points || reply)
}

// minArticleBeforeComments is how much text must come before a comment
// header for it to open a comment thread: a header at the very start is
// the post's own byline, and what follows it is the post.
const minArticleBeforeComments = 80

// commentThreadStart is the index of the line where the comment thread
// starts, or -1.
func commentThreadStart(lines []textLine) int {
	article := 0
	for i, l := range lines {
		if l.blank() {
			continue
		}
		if h, a, p, r := headerSignals(l); !h && !a && !p && !r {
			article += len(l.text)
			continue
		}
		if article >= minArticleBeforeComments && isCommentHeader(lines, i) {
			return withUserName(lines, i)
		}
	}
	return -1
}

// withUserName moves a comment header that has no handle up to the line
// before it when that line is a bare user name ("harbour_nerd" over
// "7 points · 3 hours ago").
func withUserName(lines []textLine, i int) int {
	if h, _, _, _ := headerSignals(lines[i]); h {
		return i
	}
	for j := i - 1; j >= 0; j-- {
		if lines[j].blank() {
			continue
		}
		c := lines[j].content
		if len(c) <= 40 && !strings.ContainsFunc(c, unicode.IsSpace) && !strings.ContainsAny(c, ".,;:!?\"'“”()") {
			return j
		}
		break
	}
	return i
}

// ---- boilerplate, captions and hints of single lines ----

// phrase is a publisher phrase: a cheap lower-case literal that must be in
// the line before the regular expression is tried.
type phrase struct {
	literal string
	re      *regexp.Regexp
}

func phrases(pairs ...string) []phrase {
	out := make([]phrase, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, phrase{pairs[i], regexp.MustCompile(`(?i)` + pairs[i+1])})
	}
	return out
}

// boilerplatePhrases are calls to action and legal lines of publishers.
var boilerplatePhrases = phrases(
	"share", `\bshare (?:this|the) (?:article|story|post|page|video)\b|\bshare button\b|\bshare (?:it )?on (?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit)\b|\bshare widely\b`,
	"follow us", `\bfollow us (?:on|at)\b`,
	"subscri", `\bsubscribe (?:to (?:our|the) \S+(?: \S+)?|now|today|here|for free)\b|\bsubscribers? only\b|(?-i:(?:^|[.!?:]\s+)Subscribe\b)`,
	"newsletter", `\b(?:our|the|daily|weekly|free) (?:\S+ )?newsletter\b|\bnewsletter\b.{0,40}\b(?:sign up|subscribe|receive)\b|\b(?:sign up|subscribe|receive)\b.{0,60}\bnewsletter\b`,
	"sign up", `\bsign up (?:for|to) (?:our|the)\b`,
	"donat", `\bdonate (?:now|today|here)\b|\bdonate to (?:us|our|support|keep|help)\b|\bplease donate\b|\bmake a donation\b|(?-i:(?:^|[.!?:,;]\s+)Donate\b)`,
	"support", `\bsupport (?:our|independent|us)\b.{0,40}\b(?:journalism|work|media|reporting|patreon)\b|\bsupport us\b`,
	// An author's bio at the foot of a column says whom they write for and
	// where to follow them; a sentence of news rarely calls someone a
	// "regular contributor" or tells the reader to follow them.
	"contribut", `\b(?:regular|frequent|occasional|longtime|contributing) (?:contributor|columnist|writer)\b|\bis an? (?:\S+ )?(?:contributor|columnist) (?:to|for|at)\b`,
	"follow", `\byou can follow (?:him|her|them|the author|\S+) (?:on|at)\b`,
	"inquiries", `\b(?:media|press|editorial) (?:inquiries|enquiries)\b`,
	"become a", `\bbecome a (?:member|patron|subscriber|supporter|sponsor)\b`,
	"click", `\bclick (?:here|the \S+ button|on the link)\b`,
	"tap here", `\btap here\b`,
	"rights reserved", `\ball rights reserved\b`,
	"©", `©\s*(?:\d{4}|copyright)|copyright\s*©`,
	"copyright", `^copyright\s*(?:©|\(c\)|\d{4})|\bcopyright (?:©\s*)?\d{4}\b|\bcopyrighted material\b`,
	"fair use", `\bfair use\b`,
	"translate", `\btranslate (?:this )?(?:website|page|site)\b|\btranslate button\b`,
	"languages", `\bavailable in \d+ languages\b|\bread in \d+ languages\b`,
	"repost", `\b(?:feel free to|free to) (?:repost|republish|share)\b`,
	"facebook page", `\bon our facebook page\b`,
	"cookies", `\bwe use cookies\b`,
	"our app", `\b(?:download|get) (?:our|the \S+) app\b`,
	"views expressed", `\bviews expressed\b.{0,80}\b(?:solely|own|author|not necessarily)\b`,
	"responsib", `\bsole responsibility of the author\b`,
	// Russian
	"подпис", `подпис(?:ывайтесь|ывайся|аться|ка|итесь) на`,
	"поделит", `поделит(?:ься|есь)`,
	"права защищены", `все права защищены`,
	"нажмите", `нажмите (?:здесь|сюда|на кнопку)`,
	"поддерж", `поддержите (?:нас|проект|редакцию)`,
	// French
	"abonnez", `abonnez-vous`,
	"suivez-nous", `suivez-nous`,
	"partage", `partage[rz] (?:cet|cette) (?:article|page|publication)`,
	"droits réservés", `tous droits réservés`,
	"cliquez", `cliquez ici`,
	"faites un don", `faites un don`,
	"soutenez", `soutenez-nous`,
	"inscrivez", `inscrivez-vous à (?:notre|la) (?:\S+ )?(?:newsletter|lettre)`,
	// German
	"folgen sie", `folgen sie uns`,
	"abonnieren", `abonnieren sie|newsletter abonnieren|jetzt abonnieren`,
	"teilen", `(?:artikel|beitrag) teilen|teilen sie (?:diesen|den) (?:artikel|beitrag)`,
	"rechte vorbehalten", `alle rechte vorbehalten`,
	"klicken", `hier klicken|klicken sie hier`,
	"spende", `jetzt spenden|unterstützen sie uns`,
	// Spanish
	"síguenos", `síguenos en`,
	"suscr", `suscríbete|suscríbase|suscribirse a (?:nuestro|nuestra)`,
	"compart", `compart(?:e|ir) (?:este|esta) (?:artículo|nota|noticia)`,
	"derechos reservados", `todos los derechos reservados`,
	"clic aquí", `(?:haz|haga) clic aquí`,
	"apóyanos", `apóyanos|dona ahora`,
)

// labelPrefixes start lines that point away from the article ("Related:"),
// and disclaimerPrefixes start legal notices.
var (
	labelRe      = regexp.MustCompile(`(?i)^(?:related(?: articles?| stories| posts?| news| coverage)?|read more|read also|also read|see also|more on this(?: topic)?|recommended|more from [^:]{1,40}|читайте также|читайте ещё|читайте еще|смотрите также|по теме|à lire aussi|lire aussi|voir aussi|sur le même sujet|lesen sie auch|mehr zum thema|auch interessant|siehe auch|lee también|lea también|te puede interesar|leer más|ver también|relacionad[oa]s?)\s*[:：»›>|–—-]`)
	disclaimerRe = regexp.MustCompile(`(?i)^(?:disclaimer|legal notice|haftungsausschluss|avertissement|aviso legal|descargo de responsabilidad|отказ от ответственности)\s*[:：]`)
	adLineRe     = regexp.MustCompile(`(?i)^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicité|publicidad|реклама)$`)
)

// Captions: labels that start a caption line, all-capitals markers that
// may start one in the middle of a line (glued to a title), and credit
// lines made of an agency or photographer name.
var (
	captionLabelRe = regexp.MustCompile(`(?i)^(?:file photo|photo(?:graph)?(?: credit)?|image(?: credit| source)?|picture|pictured|illustration|credit|featured image(?: source)?|cover image|header image|фото|иллюстрация|foto|bild|imagen|ilustración)(?:\s*[:：/|]|\s*$|\s+(?:by|source)\b)`)
	captionMarkRe  = regexp.MustCompile(`\b(?:FILE PHOTO|FILE IMAGE|PHOTO|IMAGE|PICTURE|PHOTOGRAPH)\s*:|ФОТО\s*:`)
	// "© Agency / Name" at the end of a line: a photo credit, not a copyright notice.
	creditTailRe = regexp.MustCompile(`©\s*[^\s©\d][^©\n]{1,60}/\s*[^/\n]{2,60}$`)
	agencies     = `AFP|AP|AP Photo|Reuters|Getty Images|Getty|EPA|EPA-EFE|EFE|Shutterstock|TASS|ТАСС|Sputnik|РИА Новости|RIA Novosti|Xinhua|dpa|picture alliance|Anadolu(?: Agency)?|ANP|Alamy|iStock|Pixabay|Unsplash|Wikimedia Commons|Bloomberg|Imago|Global Look Press|Kommersant|Коммерсантъ`
	creditLineRe = regexp.MustCompile(`(?i)^(?:(?:©|\(c\))\s*[^\s\d][\p{L}\p{M} .'&/-]{1,60}|(?:` + agencies + `)(?:\s*/\s*[\p{L}\p{M} .'-]{2,60})?|[\p{L}\p{M} .'-]{2,40}\s*/\s*(?:` + agencies + `)|(?:photo:?\s+)?[\p{L}\p{M} .'-]{2,40}\s+(?:via|for)\s+(?:` + agencies + `))$`)
)

// Hints of provenance.
var (
	originRe  = regexp.MustCompile(`(?i)^(?:(?:this|the) (?:article|story|piece|post|report|text|interview|column|op-ed|commentary)(?: was| has been)? |it was |(?:эта |данная )?статья |(?:cet|l') ?article |dieser (?:artikel|beitrag|text) |este (?:artículo|texto) )?(?:(?:originally|first) (?:published|appeared|posted|ran) (?:on|in|at|by)|(?:the )?original source of (?:this|the) (?:article|story|piece|post|report|text) is|republished (?:from|with (?:the )?permission (?:from|of))|reprinted (?:from|with (?:the )?permission (?:from|of))|(?:впервые|первоначально) опубликован[оа]? (?:на|в)|(?:publié|paru) (?:initialement|à l'origine|d'abord) (?:sur|dans|par)|a (?:d'abord|initialement) été publié (?:sur|dans|par)|(?:zuerst|ursprünglich) (?:erschienen|veröffentlicht) (?:auf|in|bei|im)|erschien zuerst (?:auf|in|bei|im)|publicado originalmente (?:en|por)|(?:fue )?publicado (?:primero|inicialmente) (?:en|por))\s+(.+)$`)
	sourceRe  = regexp.MustCompile(`(?i)^(?:source|sources|original source|источник|оригинал|quelle|fuente|fonte)\s*[:：]\s*(.+)$`)
	viaRe     = regexp.MustCompile(`(?i)^(?:via|h/t|hat tip:?)\s+(.+)$`)
	archiveRe = regexp.MustCompile(`(?i)^(?:archived?|archive link|archived (?:link|version|copy)|archive version|архив|archiv|archivo)(?:$|[\s:：])`)
	urlRe     = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"')\]]+`)
	bareURLRe = regexp.MustCompile(`(?i)^<?(?:https?://|www\.)[^\s<>]+>?$`)
	// A short label followed by a link: "Prior coverage: https://...".
	labelURLRe = regexp.MustCompile(`(?i)^[^:]{1,60}:\s*<?((?:https?://|www\.)[^\s<>]+)>?$`)
)

// Line length limits: hints and captions are short; a boilerplate phrase
// must dominate its line (one phrase in a short line, two in a paragraph).
const (
	maxHintLen           = 300
	maxCaptionLen        = 300
	maxOnePhraseLen      = 250
	maxTwoPhraseLen      = 1200
	maxLabelLineLen      = 300
	maxDisclaimerLen     = 4000
	maxCreditLen         = 80
	maxCaptionGroupLine  = 150
	maxCaptionGroupReach = 2
	maxSourceLineLen     = 150
	maxViaLineLen        = 80
	// maxLookAround bounds how many lines (blank ones included) the rules
	// that look at neighbouring lines inspect, so that marking stays linear
	// in the length of the text whatever its shape.
	maxLookAround = 12
)

// labelHeadLen is how much of a line the start-anchored label rules see.
const labelHeadLen = 64

// prefix is at most the first n bytes of s, cut at a character boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// labelEnds and disclaimerEnds are the characters that end a label or a
// disclaimer lead-in: labelRe and disclaimerRe need one of them in the
// head, so a head without any (most lines) skips the expression. They are
// looked for one by one: strings.ContainsAny decodes every rune of the
// head when a character of the set is beyond ASCII.
var (
	labelEnds      = []string{":", "：", "»", "›", ">", "|", "–", "—", "-"}
	disclaimerEnds = []string{":", "："}
)

// classifyLine finds the region of line i, if it is one.
func classifyLine(lines []textLine, i int) (doc.Region, bool) {
	l := lines[i]
	if l.blank() || len(l.content) == 0 {
		return doc.Region{}, false
	}
	c := l.content
	whole := func(k doc.RegionKind, note string) (doc.Region, bool) {
		return doc.Region{Kind: k, Begin: l.begin, End: l.end, Note: note}, true
	}
	// The label rules are anchored at the start of the line; matching
	// them against its head keeps the cost independent of the line length.
	head := prefix(c, labelHeadLen)
	switch {
	case len(c) <= maxDisclaimerLen && hasAnySubstring(head, disclaimerEnds) && disclaimerRe.MatchString(head):
		return whole(doc.RegionBoilerplate, "")
	case len(c) <= maxLabelLineLen && hasAnySubstring(head, labelEnds) && labelRe.MatchString(head):
		return whole(doc.RegionBoilerplate, "")
	case len(c) <= 40 && adLineRe.MatchString(c):
		return whole(doc.RegionBoilerplate, "")
	}
	if len(c) <= maxCaptionLen && mayBeCaptionLabel(head) && captionLabelRe.MatchString(head) {
		return whole(doc.RegionCaption, "")
	}
	if len(c) > maxTwoPhraseLen {
		return captionInLine(l)
	}
	lits := lineLiterals.find(c)
	if len(c) <= maxCreditLen && creditLine(c, lits) && !copyrightNotice(c) {
		return whole(doc.RegionCaption, "")
	}
	if len(c) <= maxHintLen {
		if note, ok := hint(c, lits); ok {
			return whole(doc.RegionHint, note)
		}
	}
	if n := countPhrases(c, lits); n >= 2 || n == 1 && len(c) <= maxOnePhraseLen {
		return whole(doc.RegionBoilerplate, "")
	}
	if r, ok := captionInLine(l); ok {
		return r, true
	}
	return doc.Region{}, false
}

var copyrightYearRe = regexp.MustCompile(`©\s*\d`)

// copyrightNotice tells "© 2024 Example Media" (boilerplate) from
// "© Jane Doe" (a photo credit).
func copyrightNotice(s string) bool {
	lower := strings.ToLower(s)
	return strings.Contains(lower, "rights") || strings.Contains(lower, "copyright") || copyrightYearRe.MatchString(s)
}

// countPhrases counts the distinct boilerplate phrases in a line, given
// the literals lineLiterals found in it.
func countPhrases(s string, lits literalHits) int {
	n := 0
	for i, p := range boilerplatePhrases {
		if lits.has(litPhrases, i) && p.re.MatchString(s) {
			n++
		}
	}
	return n
}

// hint reads a provenance hint line and returns what it names, given the
// literals lineLiterals found in it.
func hint(c string, lits literalHits) (string, bool) {
	if lits.any(litOrigin) {
		if m := originRe.FindStringSubmatch(c); m != nil {
			return cleanNote(m[1]), true
		}
	}
	// "Source: X" and "via X" lines are short; a long line that starts so
	// is a sentence ("Sources: two officials said that ...", "Via Appia").
	if len(c) <= maxSourceLineLen && strings.ContainsAny(prefix(c, 40), ":：") {
		if m := sourceRe.FindStringSubmatch(c); m != nil {
			return cleanNote(m[1]), true
		}
	}
	if len(c) > 120 {
		return "", false
	}
	if m := viaRe.FindStringSubmatch(c); m != nil && len(c) <= maxViaLineLen && len(strings.Fields(c)) <= 6 {
		return cleanNote(m[1]), true
	}
	if archiveRe.MatchString(c) {
		if u := urlRe.FindString(c); u != "" {
			return u, true
		}
		// An archive line without an address names no source: an empty
		// note tells the relate stage it is generic evidence of a copy.
		return "", true
	}
	if !lits.any(litURL) {
		return "", false
	}
	if bareURLRe.MatchString(c) {
		return strings.Trim(c, "<>"), true
	}
	if m := labelURLRe.FindStringSubmatch(c); m != nil && len(strings.Fields(c)) <= 10 {
		return m[1], true
	}
	return "", false
}

// originStems are words one of which every "originally published" phrase
// contains; lines without any skip the expensive expression. urlStems
// start every address the URL rules find.
var (
	originStems = []string{"publi", "original source", "appeared", "posted", " ran ", "reprinted", "опубликован", "paru", "erschien", "veröffentlicht"}
	urlStems    = []string{"http", "www."}
)

func hasAnySubstring(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

var (
	tagRe       = regexp.MustCompile(`<[^<>]{1,200}>`)
	mdLinkRe    = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	noteSpaceRe = regexp.MustCompile(`\s+`)
)

// cleanNote strips markup and trailing punctuation from what a hint names.
func cleanNote(s string) string {
	s = mdLinkRe.ReplaceAllString(s, "$1")
	s = tagRe.ReplaceAllString(s, "")
	s = strings.NewReplacer("**", "", "__", "").Replace(s)
	s = noteSpaceRe.ReplaceAllString(s, " ")
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,;:!"))
	s = strings.Trim(s, `"'“”«»‘’`)
	if len(s) > 200 {
		cut := 200
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

// agencyNames are the lower-case agency names of creditLineRe, one of
// which (or a "©") every credit line contains.
var agencyNames = func() []string {
	var out []string
	for _, a := range strings.Split(agencies, "|") {
		a, _, _ = strings.Cut(a, "(")
		out = append(out, strings.ToLower(strings.TrimSpace(a)))
	}
	return out
}()

// creditLine says whether a short line is a photo credit, given the
// literals lineLiterals found in it.
func creditLine(c string, lits literalHits) bool {
	if !strings.Contains(c, "©") && !lowerHasPrefix(c, "(c)") && !lits.any(litAgency) {
		return false
	}
	return creditLineRe.MatchString(c)
}

// ---- literals of the single-line rules, found in one pass ----

// Groups of lineLiterals.
const (
	litPhrases = iota // literal i is boilerplatePhrases[i].literal
	litOrigin         // originStems
	litURL            // urlStems
	litAgency         // agencyNames
)

// lineLiterals are all the literals the single-line rules look for in the
// lower-case form of a line.
var lineLiterals = newLiteralSet(phraseLiterals(), originStems, urlStems, agencyNames)

// phraseLiterals are the literals of boilerplatePhrases, in their order.
func phraseLiterals() []string {
	out := make([]string, len(boilerplatePhrases))
	for i, p := range boilerplatePhrases {
		out[i] = p.literal
	}
	return out
}

// literalSet finds which of a fixed set of literals occur in the lower-case
// form of a line, in one pass over it. Calling strings.Contains for each
// literal scanned a line up to ninety times, and that was most of the cost
// of marking regions. Here a bitmap of hashes of the literals' first
// three bytes turns away almost every position of the line, and only at
// the others are the literals starting with that byte compared.
type literalSet struct {
	lits   []string
	masks  []literalBits        // the literals of each group
	groups []int                // index of each group's first literal
	starts [1 << 16 / 64]uint64 // bit startHash(b0, b1, b2): a literal may start with b0 b1 b2
	first  [256][]uint8         // literals by first byte
}

// literalBits has bit i set for literal i; 128 literals are enough.
type literalBits [2]uint64

// newLiteralSet makes a set of groups of lower-case literals of two bytes
// or more. It panics on a literal it could never find.
func newLiteralSet(groups ...[]string) *literalSet {
	s := &literalSet{}
	for _, g := range groups {
		s.groups = append(s.groups, len(s.lits))
		var m literalBits
		for _, lit := range g {
			k := len(s.lits)
			if k >= 128 || len(lit) < 2 || lit != strings.ToLower(lit) {
				panic("read: literal " + strconv.Quote(lit) + " cannot go in a literal set")
			}
			m[k>>6] |= 1 << (k & 63)
			s.lits = append(s.lits, lit)
			s.first[lit[0]] = append(s.first[lit[0]], uint8(k))
			if len(lit) > 2 {
				s.setStart(lit[0], lit[1], lit[2])
				continue
			}
			for b2 := range 256 { // a two-byte literal, followed by anything or nothing
				s.setStart(lit[0], lit[1], byte(b2))
			}
		}
		s.masks = append(s.masks, m)
	}
	return s
}

func (s *literalSet) setStart(b0, b1, b2 byte) {
	x := startHash(b0, b1, b2)
	s.starts[x>>6] |= 1 << (x & 63)
}

// startHash hashes three bytes to 16 bits (Fibonacci hashing).
func startHash(b0, b1, b2 byte) uint32 {
	return (uint32(b0) | uint32(b1)<<8 | uint32(b2)<<16) * 0x9E3779B1 >> 16
}

// literalHits says which literals of a set a line contains.
type literalHits struct {
	set  *literalSet
	bits literalBits
}

// has says whether the line contains literal i of group g.
func (h literalHits) has(g, i int) bool {
	k := h.set.groups[g] + i
	return h.bits[k>>6]&(1<<(k&63)) != 0
}

// any says whether the line contains a literal of group g.
func (h literalHits) any(g int) bool {
	m := h.set.masks[g]
	return h.bits[0]&m[0]|h.bits[1]&m[1] != 0
}

// find reports which literals strings.ToLower(text) contains. Most lines
// lower-case only in ASCII letters (a curly quote or an é stays as it is),
// and those are searched in place, folding ASCII as it goes; the others
// are lowered first, into a buffer on the stack.
func (s *literalSet) find(text string) literalHits {
	if onlyASCIILowers(text) {
		return findLiterals(s, text)
	}
	var arr [2048]byte // lines the rules read fit
	return findLiterals(s, appendLower(arr[:0], text))
}

// findLiterals is find over text, lowered but for ASCII letters. (Folding
// ASCII again in a text strings.ToLower has lowered changes nothing: no
// rune lowers to an ASCII capital.)
func findLiterals[T string | []byte](s *literalSet, t T) literalHits {
	h := literalHits{set: s}
	for i := 0; i+1 < len(t); i++ {
		b0 := asciiLower[t[i]]
		var b2 byte // nothing after the last two bytes: only a two-byte literal can start there
		if i+2 < len(t) {
			b2 = asciiLower[t[i+2]]
		}
		if x := startHash(b0, asciiLower[t[i+1]], b2); s.starts[x>>6]&(1<<(x&63)) == 0 {
			continue
		}
	literals:
		for _, k := range s.first[b0] {
			lit := s.lits[k]
			if len(t)-i < len(lit) {
				continue
			}
			for j := 1; j < len(lit); j++ {
				if asciiLower[t[i+j]] != lit[j] {
					continue literals
				}
			}
			h.bits[k>>6] |= 1 << (k & 63)
		}
	}
	return h
}

// asciiLower maps A-Z to a-z and every other byte to itself.
var asciiLower = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] += 'a' - 'A'
		}
	}
	return t
}()

// onlyASCIILowers says whether strings.ToLower(s) differs from s in ASCII
// letters only: no rune beyond ASCII changes and no byte is invalid (it
// would become U+FFFD).
func onlyASCIILowers(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || unicode.ToLower(r) != r {
			return false
		}
		i += n
	}
	return true
}

// appendLower appends strings.ToLower(s) to buf: it maps rune by rune as
// strings.ToLower does, an invalid byte becoming U+FFFD.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			buf = append(buf, asciiLower[b])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += n
	}
	return buf
}

// lowerHasPrefix says whether strings.ToLower(s) starts with the ASCII
// string p, lowering only as many runes of s as p has bytes: a rune whose
// lower case starts with an ASCII byte lowers to that byte alone.
func lowerHasPrefix(s, p string) bool {
	i := 0
	for _, r := range s {
		if i == len(p) {
			break
		}
		if unicode.ToLower(r) != rune(p[i]) {
			return false
		}
		i++
	}
	return i == len(p)
}

// captionMarkers are the literals captionMarkRe needs.
var captionMarkers = []string{"PHOTO", "IMAGE", "PICTURE", "ФОТО"}

// captionInLine finds a caption that starts in the middle of a line (a
// photo marker or "© Agency / Name" glued to a title) and runs to the end
// of the line.
func captionInLine(l textLine) (doc.Region, bool) {
	if len(l.text) > 2000 {
		return doc.Region{}, false
	}
	start := -1
	if hasAnySubstring(l.text, captionMarkers) {
		if loc := captionMarkRe.FindStringIndex(l.text); loc != nil {
			start = loc[0]
		}
	}
	if !strings.Contains(l.text, "©") {
		if start < 0 {
			return doc.Region{}, false
		}
	} else if loc := creditTailRe.FindStringIndex(l.text); loc != nil && !copyrightNotice(l.text[loc[0]:]) && (start < 0 || loc[0] < start) {
		start = loc[0]
	}
	if start < 0 {
		return doc.Region{}, false
	}
	return doc.Region{Kind: doc.RegionCaption, Begin: l.begin + start, End: l.end}, true
}

// captionGroups extends a bulleted photo credit over the bulleted caption
// lines just before it ("• Soldiers at an exercise" "• AFP"), which are
// the caption the credit belongs to.
func captionGroups(d *doc.Document, lines []textLine) {
	for i, l := range lines {
		if !l.bullet || len(l.content) > maxCreditLen || !creditLine(l.content, lineLiterals.find(l.content)) || copyrightNotice(l.content) {
			continue
		}
		reach := 0
		for j := i - 1; j >= 0 && j >= i-maxLookAround && reach < maxCaptionGroupReach; j-- {
			p := lines[j]
			if p.blank() {
				continue
			}
			if !p.bullet || len(p.content) > maxCaptionGroupLine {
				break
			}
			if creditLine(p.content, lineLiterals.find(p.content)) {
				continue // another credit of the same group, marked already
			}
			addRegion(d, doc.Region{Kind: doc.RegionCaption, Begin: p.begin, End: p.end})
			reach++
		}
	}
}

// agencyRe matches an agency tag such as "(Reuters)" or "(AP)": a short
// all-capitals abbreviation or a known agency name in parentheses.
var (
	agencyTagRe   = regexp.MustCompile(`^\((\p{Lu}{2,6}|` + agencies + `|Interfax|Интерфакс|UPI|Kyodo|Yonhap|ANSA|Agence France-Presse|Associated Press|Press Association|PA|IANS|PTI|ANI|CNA|Ukrinform|Укрінформ|Укринформ)\)`)
	datelineTagRe = regexp.MustCompile(`^[\p{Lu}][\p{L}\p{M}\p{N} .,'/-]{0,60}?\s*(\([^()\n]{2,40}\))\s*[-–—:]`)
)

// agencyTags marks agency tags at the start of the text (a dateline such
// as "MOSCOW (Reuters) —" or a tag opening the text) and at its end (a tag
// after the last sentence, as "… World War III.” (RT)").
func agencyTags(d *doc.Document, lines []textLine) {
	first := -1
	for i, l := range lines {
		if !l.blank() {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	// The first paragraph is where a dateline goes; a title line may come
	// before it, so look at the first two non-empty lines.
	for i, seen := first, 0; i < len(lines) && seen < 2; i++ {
		l := lines[i]
		if l.blank() {
			continue
		}
		seen++
		if m := datelineTagRe.FindStringSubmatchIndex(l.content); m != nil {
			tag := l.content[m[2]:m[3]]
			if agencyTagRe.MatchString(tag) {
				b := l.contentBegin + m[2]
				addRegion(d, doc.Region{Kind: doc.RegionHint, Begin: b, End: b + len(tag), Note: tag[1 : len(tag)-1]})
				break
			}
		}
		if m := agencyTagRe.FindStringSubmatch(l.content); m != nil {
			addRegion(d, doc.Region{Kind: doc.RegionHint, Begin: l.contentBegin, End: l.contentBegin + len(m[0]), Note: m[1]})
			break
		}
	}
	last := lines[lastNonBlank(lines)]
	t := strings.TrimRight(last.text, ".")
	open := strings.LastIndexByte(t, '(')
	if open < 0 || !strings.HasSuffix(t, ")") {
		return
	}
	tag := t[open:]
	m := agencyTagRe.FindStringSubmatch(tag)
	if m == nil || len(m[0]) != len(tag) {
		return
	}
	// Only after a finished sentence: "(WHO)." closing a sentence about the
	// World Health Organization is not a tag.
	before := strings.TrimRightFunc(t[:open], unicode.IsSpace)
	if before != "" {
		r, _ := utf8.DecodeLastRuneInString(before)
		if !strings.ContainsRune(`.!?"”»’'…`, r) {
			return
		}
	}
	b := last.begin + open
	addRegion(d, doc.Region{Kind: doc.RegionHint, Begin: b, End: b + len(tag), Note: m[1]})
}

// ---- lines that recur across one outlet's documents ----

// Defaults for RecurringLines: a line is an outlet's template when it is in
// at least half of the outlet's documents and in at least four of them.
const (
	DefaultRecurringShare = 0.5
	DefaultRecurringDocs  = 4
)

// maxRecurringCover is the largest share of a document's text that
// recurring lines may take: beyond it the document is a near copy of its
// outlet's other documents (an updated version, a re-post), and marking
// its text as template would hide real reuse.
const maxRecurringCover = 0.6

// RecurringLines marks as boilerplate the lines that recur across many
// documents of one outlet: the outlet's own templates (bylines, section
// labels, house appeals) that the general rules of MarkRegions do not
// know. A line counts as recurring in an outlet when at least minDocs of
// its documents, and at least the share minShare of them, contain it
// (compared after folding case, white space, quotes and dashes; identical documents
// count once).
//
// Documents are grouped by Outlet, else Series; documents with neither are
// left alone, since nothing says they share templates. The pipeline may
// pass all documents at once or one outlet's batch at a time, but a batch
// must hold all documents of each outlet in it, or the counts are too low.
// For a corpus too large to hold, use RecurringIndex in two passes: Add
// every document, Seal, then Mark each one.
func RecurringLines(docs []*doc.Document, minShare float64, minDocs int) {
	x := NewRecurringIndex(minShare, minDocs)
	for _, d := range docs {
		x.Add(d)
	}
	x.Seal()
	for _, d := range docs {
		x.Mark(d)
	}
}

// RecurringIndex counts lines per outlet across documents, keeping one
// 64-bit hash per distinct line, not the texts. It is used in two passes:
// Add every document (from one goroutine), Seal, then Mark each document
// (from any number of goroutines).
type RecurringIndex struct {
	minShare float64
	minDocs  int
	outlets  map[string]*outletLines
	sealed   bool
	hashes   []uint64 // Add's scratch: the line hashes of one document
}

type outletLines struct {
	docs   int
	texts  map[uint64]struct{} // hashes of the texts counted, so copies count once; nil once sealed
	counts map[uint64]uint32   // line hash → number of documents containing it; nil once sealed
	// recurring holds, once sealed, the sorted hashes of the lines that
	// are the outlet's templates: all Mark needs of counts.
	recurring []uint64
	// leads holds, once sealed, the first bytes of the templates'
	// comparison forms, from their hashes' top bytes (withLead).
	leads leadSet
}

// NewRecurringIndex makes an empty index; see RecurringLines for the
// thresholds.
func NewRecurringIndex(minShare float64, minDocs int) *RecurringIndex {
	if minDocs < 2 {
		minDocs = 2 // one document cannot show that a line recurs
	}
	return &RecurringIndex{minShare: minShare, minDocs: minDocs, outlets: map[string]*outletLines{}}
}

// outletKey is the group a document's templates are counted in.
func outletKey(d *doc.Document) string {
	if k := strings.TrimSpace(d.Outlet); k != "" {
		return strings.ToLower(k)
	}
	return strings.ToLower(strings.TrimSpace(d.Series))
}

// lineKey is the hash of the comparison form of a line — case folded,
// white space collapsed, typographic quotes, dashes and ellipses made
// plain — and false for lines that have no letter or digit (rules,
// separators). It is computed for every line of every document twice, so
// it folds into a stack buffer instead of building strings, and copies
// runs of ASCII, most of any text, through a table of byte classes rather
// than rune by rune through package unicode (2.4 times as fast on English).
// (Package normalize folds text for matching; it is a later stage, so this
// stage keeps its own small table for comparing whole lines.)
func lineKey(s string) (uint64, bool) {
	var arr [1024]byte // most paragraphs fit
	buf := arr[:0]
	var word byte // lineWord once a letter or digit is seen
	space := false
	for i := 0; i < len(s); {
		c := lineClass[s[i]]
		if c&lineSpace != 0 {
			space = len(buf) > 0
			i++
			continue
		}
		if c&lineHigh == 0 {
			if space {
				buf = append(buf, ' ')
				space = false
			}
			// A run of ASCII outside white space, copied lower case in one
			// tight loop: most of any line.
			for ; i < len(s); i++ {
				c = lineClass[s[i]]
				if c&(lineSpace|lineHigh) != 0 {
					break
				}
				word |= c
				buf = append(buf, asciiLower[s[i]])
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			space = len(buf) > 0
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = lineWord
			r = unicode.ToLower(r)
		}
		if r < utf8.RuneSelf {
			buf = append(buf, byte(r))
		} else {
			buf = appendPlain(buf, r)
		}
	}
	if word == 0 {
		return 0, false
	}
	return withLead(xxh3.Hash(buf), buf[0]), true
}

// withLead puts the first byte of a line's comparison form in the top
// byte of its hash. Marking a document looks its lines up among its
// outlet's few templates, and most lines start with a byte no template
// starts with: leadOf tells that from the line's first byte alone, before
// the line is folded and hashed (see RecurringIndex.Mark). The hash keeps
// 56 bits, plenty to tell an outlet's lines apart.
func withLead(h uint64, lead byte) uint64 {
	return h&^(0xff<<56) | uint64(lead)<<56
}

// leadOf is the first byte of the comparison form of a line whose first
// byte is ASCII and not white space (which lineKey skips), without
// folding the rest; false for other lines, whose first byte the folding
// may change.
func leadOf(line string) (byte, bool) {
	if line == "" || lineClass[line[0]]&(lineSpace|lineHigh) != 0 {
		return 0, false
	}
	return asciiLower[line[0]], true
}

// leadSet is a set of first bytes of templates (see withLead).
type leadSet [4]uint64

func (s *leadSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *leadSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }

// lineClass classes a line's bytes for lineKey: an ASCII letter or digit,
// ASCII white space, or the first or a later byte of a multi-byte rune;
// other ASCII (punctuation) is 0.
const (
	lineWord  = 1 << iota // a letter or digit
	lineSpace             // white space
	lineHigh              // not ASCII
)

var lineClass = func() (t [256]byte) {
	for i := range t {
		b := byte(i)
		switch {
		case b >= utf8.RuneSelf:
			t[i] = lineHigh
		case asciiSpace(b):
			t[i] = lineSpace
		case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9':
			t[i] = lineWord
		}
	}
	return t
}()

// appendPlain appends r to a line's comparison form, typographic quotes,
// dashes and the ellipsis made plain.
func appendPlain(buf []byte, r rune) []byte {
	switch r {
	case '“', '”', '„', '«', '»':
		return append(buf, '"')
	case '‘', '’', '‚':
		return append(buf, '\'')
	case '–', '—', '―', '−':
		return append(buf, '-')
	case '…':
		return append(buf, "..."...)
	}
	return utf8.AppendRune(buf, r)
}

// Add counts the lines of one document. It is not safe for concurrent use,
// and it panics after Seal: counts added then could no longer mark.
func (x *RecurringIndex) Add(d *doc.Document) {
	key := outletKey(d)
	if key == "" {
		x.AddLines(DocLines{}) // still panics after Seal
		return
	}
	x.hashes = appendLineKeys(x.hashes[:0], d.Text)
	x.AddLines(DocLines{outlet: key, text: xxh3.HashString(d.Text), lines: x.hashes})
}

// DocLines is what a RecurringIndex counts of one document: its outlet, a
// hash of its whole text, and the distinct hashes of its lines. LinesOf
// computes it apart from counting, so that a caller walking a large corpus
// hashes documents on all cores and only counts in one goroutine.
type DocLines struct {
	outlet string
	text   uint64
	lines  []uint64 // sorted, distinct
}

// LinesOf returns what Add would count of d. It is safe for concurrent use.
func LinesOf(d *doc.Document) DocLines {
	key := outletKey(d)
	if key == "" {
		return DocLines{}
	}
	return DocLines{outlet: key, text: xxh3.HashString(d.Text), lines: appendLineKeys(nil, d.Text)}
}

// appendLineKeys appends the distinct line keys of text to hs, sorted: a
// line repeated within a document counts once, and sorting its few hashes
// is cheaper than a set per document.
func appendLineKeys(hs []uint64, text string) []uint64 {
	for l := range eachLine(text) {
		if h, ok := lineKey(l.text); ok {
			hs = append(hs, h)
		}
	}
	slices.Sort(hs)
	return slices.Compact(hs)
}

// AddLines counts one document's lines as LinesOf gave them. Like Add, it
// is not safe for concurrent use and panics after Seal.
func (x *RecurringIndex) AddLines(l DocLines) {
	if x.sealed {
		panic("read: RecurringIndex.Add called after Seal")
	}
	if l.outlet == "" {
		return
	}
	o := x.outlets[l.outlet]
	if o == nil {
		o = &outletLines{texts: map[uint64]struct{}{}, counts: map[uint64]uint32{}}
		x.outlets[l.outlet] = o
	}
	if _, ok := o.texts[l.text]; ok {
		return
	}
	o.texts[l.text] = struct{}{}
	o.docs++
	for _, h := range l.lines {
		o.counts[h]++
	}
}

// Seal ends the counting; call it after the last Add and before marking
// the documents. It keeps of each outlet only the lines that recur, which
// are all that Mark looks up, and drops the rest: the count of every
// distinct line and the hash of every document, which at a million
// documents are tens of millions of entries. Mark marks the same regions
// before and after Seal. Add panics after Seal; sealing again does nothing.
func (x *RecurringIndex) Seal() {
	if x.sealed {
		return
	}
	x.sealed = true
	x.hashes = nil
	for _, o := range x.outlets {
		if o.docs >= x.minDocs {
			for h, n := range o.counts {
				if x.recurs(n, o.docs) {
					o.recurring = append(o.recurring, h)
					o.leads.add(byte(h >> 56))
				}
			}
			slices.Sort(o.recurring)
		}
		o.texts, o.counts = nil, nil
	}
}

// recurs says whether a line in n of an outlet's docs documents is one of
// its templates. (The share test is negated rather than turned into >=, so
// that a NaN share still marks, as it always did.)
func (x *RecurringIndex) recurs(n uint32, docs int) bool {
	return int(n) >= x.minDocs && !(float64(n) < x.minShare*float64(docs))
}

// template says whether the line with hash h is one of o's templates.
func (x *RecurringIndex) template(o *outletLines, h uint64) bool {
	if x.sealed {
		_, ok := slices.BinarySearch(o.recurring, h)
		return ok
	}
	return x.recurs(o.counts[h], o.docs)
}

// Mark adds boilerplate regions over the document's recurring lines that
// no region covers yet, and returns how many it added. It only reads the
// index, so any number of goroutines may call it at once, each on its own
// document, as long as no Add or Seal runs meanwhile (the reuse stage
// calls it from its workers after Seal).
func (x *RecurringIndex) Mark(d *doc.Document) int {
	o := x.outlets[outletKey(d)]
	if o == nil || o.docs < x.minDocs {
		return 0
	}
	var buf [8]doc.Region // templates are a few lines
	found := buf[:0]
	covered := 0
	for l := range eachLine(d.Text) {
		if lead, ok := leadOf(l.text); ok && x.sealed && !o.leads.has(lead) {
			continue // no template starts so: not worth folding and hashing
		}
		if h, ok := lineKey(l.text); ok && x.template(o, h) {
			found = append(found, doc.Region{Kind: doc.RegionBoilerplate, Begin: l.begin, End: l.end})
			covered += nonSpaceLen(l.text)
		}
	}
	if len(found) == 0 {
		// The text's length only weighs what was found; without it, the
		// regions are merged as below, as long as the text has any.
		if strings.TrimSpace(d.Text) != "" {
			mergeAdjacent(d)
		}
		return 0
	}
	if total := nonSpaceLen(d.Text); total == 0 || float64(covered) > maxRecurringCover*float64(total) {
		return 0
	}
	added := 0
	for _, r := range found {
		if addRegion(d, r) {
			added++
		}
	}
	mergeAdjacent(d)
	return added
}

// nonSpaceLen is len(strings.Join(strings.Fields(s), "")) without building
// it: the bytes of s outside runs of white space (an invalid byte counts).
func nonSpaceLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if !asciiSpace(b) {
				n++
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			n += w
		}
		i += w
	}
	return n
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(b byte) bool {
	return b == ' ' || '\t' <= b && b <= '\r'
}
