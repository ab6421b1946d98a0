package extract

import "strings"

// The English cue lexicon. Its verbs are the verbs that PolNeAR's
// annotators marked as cues in its training split (speech, writing,
// cognition and evaluation), kept to those whose use as a cue is general,
// each with its inflected forms. Verbs that were cues in fewer than about
// six of ten of their uses there (want, expect, support, feel, know,
// find, plan, consider, continue…: they take objects more often than
// statements) are left out. Noun readings
// ("a Washington think tank", "the claim") are excluded by structure, not
// by the list: a cue needs a subject or source phrase around it (see
// claims.go).

// englishCueLemmas are regular verbs: inflect adds -s, -ed and -ing (verbs
// that double their last consonant are listed with their forms below).
const englishCueLemmas = `accuse acknowledge add affirm agree allege announce answer argue assert assure blame blast
	boast caution chant cite claim comment complain concede conclude condemn confirm contend
	criticize criticise decline declare decry defend demand denounce deny describe dismiss echo
	emphasize emphasise endorse estimate explain express fear gush highlight hope indicate insist
	joke lament mention mock muse note observe plead pledge post praise predict promise propose
	quote recall recount refuse reiterate reject remark remind repeat reply report
	respond retort reveal scoff shout sneer stress suggest testify tout tweet retweet urge vow
	warn wonder worry yell cry exclaim scream whisper mutter dispute brag confide concur insinuate speculate reckon surmise theorize
	discuss portray`

// englishCueIrregular are forms the rules above do not make.
const englishCueIrregular = `say says said saying tell tells told telling write writes wrote writing
	think thinks believe believes show shows showed admit admits admitted admitting
	regret regrets regretted slam slams slammed slamming quip quips quipped quipping
	sought state states stated bet bets forecast forecasts forecasted swear swears swore sworn
	underline underlines underlined specify specifies specified clarify clarifies clarified
	ask asks asked maintained questioned questioning continue continues continued`

// cueForms are the cue words of other languages, in their usual forms.
const cueForms = `
	сказал сказала сказали говорит говорят заявил заявила заявили заявляет отметил отметила
	отметили добавил добавила добавили подчеркнул подчеркнула подчеркнули написал написала
	написали пишет считает считают полагает полагают уверен уверена сообщил сообщила сообщили
	сообщает рассказал рассказала рассказали пояснил пояснила пояснили объяснил объяснила
	предупредил предупредила предупредили утверждает утверждал утверждала признал признала
	заключил заключила уточнил уточнила указал указала напомнил напомнила ответил ответила
	высказался высказалась заметил заметила констатировал констатировала
	сказав сказала сказали каже кажуть заявив заявила заявили заявляє зазначив зазначила
	зазначили додав додала додали наголосив наголосила наголосили написав написала написали
	пише вважає вважають повідомив повідомила повідомили повідомляє розповів розповіла
	розповіли пояснив пояснила попередив попередила стверджує визнав визнала підкреслив
	підкреслила відповів відповіла нагадав нагадала уточнив уточнила
	dit déclaré déclare affirme affirmé affirmait souligné souligne ajouté ajoute estime
	estimé écrit expliqué explique averti avertit précisé précise indiqué indique
	assuré assure martelé insisté reconnu annoncé annonce confié confie rappelé rappelle
	observé noté relevé jugé juge conclu répondu lancé
	sagte sagt sagten erklärte erklärt betonte betont schrieb schreibt warnte warnt meint
	meinte glaubt glaubte behauptet behauptete berichtete berichtet fügte ergänzte ergänzt
	unterstrich erklärten teilte stellte räumte kündigte bekräftigte bestätigte bestätigt
	dijo dice dijeron afirmó afirma declaró declara señaló señala añadió añade agregó agrega
	explicó explica advirtió advierte escribió escribe cree creen aseguró asegura subrayó
	destacó indicó sostuvo sostiene manifestó apuntó concluyó reconoció respondió insistió`

// inflect returns a regular English verb with its -s, -ed and -ing forms.
func inflect(lemma string) []string {
	n := len(lemma)
	last := lemma[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case last == 'e':
		stem := lemma[:n-1]
		return []string{lemma, lemma + "s", lemma + "d", stem + "ing"}
	case last == 'y' && n > 1 && !vowel(lemma[n-2]):
		stem := lemma[:n-1]
		return []string{lemma, stem + "ies", stem + "ied", lemma + "ing"}
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") ||
		strings.HasSuffix(lemma, "x") || strings.HasSuffix(lemma, "z") || strings.HasSuffix(lemma, "o"):
		return []string{lemma, lemma + "es", lemma + "ed", lemma + "ing"}
	}
	return []string{lemma, lemma + "s", lemma + "ed", lemma + "ing"}
}

// presentCues are the cue forms that are also nouns ("claims", "plan",
// "support"): the base and -s forms of the regular verbs, and a few
// irregular ones. They are cues only where the verb reading is clear
// (see verbReading).
var presentCues = buildPresentCues()

func buildPresentCues() map[string]bool {
	m := set(`show shows bet bets forecast forecasts regret regrets slam slams quip quips ask asks`)
	for _, l := range strings.Fields(englishCueLemmas) {
		f := inflect(l)
		m[f[0]], m[f[1]] = true, true
	}
	return m
}

// buildCueVerbs makes the lookup table of every cue form.
func buildCueVerbs() map[string]bool {
	m := set(englishCueIrregular, cueForms)
	for _, l := range strings.Fields(englishCueLemmas) {
		for _, f := range inflect(l) {
			m[f] = true
		}
	}
	return m
}
