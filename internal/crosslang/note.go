package crosslang

import "regexp"

// translationNoteRe finds the line with which an outlet says a text is a
// translation, in the languages echotrace detects most: "Translated from
// the Russian", "Translation by", "Перевод с английского", "Переклад з
// англійської", "Traduit de l'anglais", "Aus dem Englischen übersetzt".
// Russian and Ukrainian need the language named: "перевод с карты" is a
// money transfer.
var translationNoteRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:translated (?:from|by) |translation (?:from|by) |перев(?:од|едено) с \p{L}+ого|переклад(?:ено)? з \p{L}+ої|tradu(?:it|ite|ction) (?:de l'|de l’|du |de |par )|aus dem \p{L}+en übersetzt|übersetz(?:t|ung) aus dem )`)

// translationNote returns the words by which a text says it is a
// translation, or "".
func translationNote(text string) string {
	loc := translationNoteRe.FindStringIndex(text)
	if loc == nil {
		return ""
	}
	end := min(len(text), loc[1]+40)
	for end < len(text) && text[end]&0xC0 == 0x80 {
		end++
	}
	return text[loc[0]:end]
}
