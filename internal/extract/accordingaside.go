package extract

import (
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// accordingInsideClause reports whether an "according to X" set off by
// commas stands inside its sentence, which goes on after it: "Over the
// long term, according to the budget office, the rise in deficits is
// “…”", "While most were marked secret, according to an official, two
// were not". The statement is then the whole sentence, not only what
// precedes the phrase. A relative clause after the source describes it
// ("…, according to the report, which was published Monday") and leaves
// the statement before.
func (a *analysis) accordingInsideClause(at *attribution, sent doc.Span) bool {
	if at.Src.Span.End >= sent.End {
		return false
	}
	rest := strings.TrimLeft(a.text[at.Src.Span.End:sent.End], " \u00a0")
	if !strings.HasPrefix(rest, ",") {
		return false
	}
	rest = strings.TrimSpace(rest[1:])
	toks := normalize.Tokens(rest)
	if len(toks) < 3 {
		return false
	}
	return !relativePronouns[toks[0].Key] && toks[0].Key != "whose" && !subordinators[toks[0].Key]
}
