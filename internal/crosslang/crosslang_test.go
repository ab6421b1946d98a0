package crosslang

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
)

// keys are the skeleton keys of a word as features computes them: of the
// word and of its stem.
func keys(lang, w string) []string {
	w = strings.ToLower(w)
	return []string{skeletonKey(Latin(w)), skeletonKey(Latin(reduce(lang, w)))}
}

func meet(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func TestNamesMeetAcrossScripts(t *testing.T) {
	for _, c := range []struct {
		langA, a, langB, b string
		same               bool
	}{
		{"ru", "Песков", "en", "Peskov", true},
		{"ru", "Пескову", "en", "Peskov", true},
		{"ru", "Макрон", "en", "Macron", true},
		{"ru", "Москва", "en", "Moscow", true},
		{"ru", "Шольц", "de", "Scholz", true},
		{"ru", "Навальный", "en", "Navalny", true},
		{"ru", "Хабаровск", "en", "Khabarovsk", true},
		{"ru", "Джонсон", "en", "Johnson", true},
		{"uk", "Зеленський", "en", "Zelensky", true},
		{"ru", "Пётр", "en", "Peter", true},
		{"ru", "Ширак", "fr", "Chirac", true},
		{"de", "Müller", "ru", "Мюллер", true},
		{"ru", "Путин", "en", "Peskov", false},
		{"ru", "Лавров", "en", "Navalny", false},
		{"fr", "Paris", "en", "Berlin", false},
	} {
		if ka, kb := keys(c.langA, c.a), keys(c.langB, c.b); meet(ka, kb) != c.same {
			t.Errorf("%s (%s) and %s (%s): keys %q and %q, want meeting %v", c.a, c.langA, c.b, c.langB, ka, kb, c.same)
		}
	}
	if got := Latin("Щёлково-2 Straße"); got != "shchelkovo2strasse" {
		t.Errorf("Latin: %q", got)
	}
}

func TestCanonicalNumber(t *testing.T) {
	for in, want := range map[string]string{
		"10 000": "10000", "10,000": "10000", "10.000": "10000", "1,5": "1.5", "1.5": "1.5",
		"2019": "2019", "3,25": "3.25", "0,7": "0.7", "007": "7", "1 234 567,8": "1234567.8",
	} {
		if got := canonicalNumber(in); got != want {
			t.Errorf("canonicalNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumbersInText(t *testing.T) {
	got := strings.Join(numbers("В 2019 году 10 000 человек, или 1,5 %, а в 2020-м — 3.25 млн; 12 500 руб."), "|")
	if want := "2019|10 000|1,5|2020|3.25|12 500"; got != want {
		t.Errorf("numbers: %q, want %q", got, want)
	}
}

func TestMonths(t *testing.T) {
	for _, c := range []struct {
		lang, w string
		want    int
	}{
		{"ru", "марта", 3}, {"ru", "мая", 5}, {"ru", "майор", 0}, {"ru", "мать", 0}, {"ru", "декабре", 12},
		{"fr", "août", 8}, {"de", "märz", 3}, {"en", "may", 5}, {"en", "mayor", 0}, {"uk", "березня", 3},
	} {
		if got := month(c.lang, c.w); got != c.want {
			t.Errorf("month(%s, %s) = %d, want %d", c.lang, c.w, got, c.want)
		}
	}
}

func TestTranslationNote(t *testing.T) {
	for _, s := range []string{
		"Translated from the Russian by Jane Doe.",
		"Перевод с английского Ивана Петрова.",
		"Article traduit de l'anglais.",
		"Aus dem Englischen übersetzt von Max.",
	} {
		if translationNote(s) == "" {
			t.Errorf("no note found in %q", s)
		}
	}
	for _, s := range []string{
		"Перевод с карты на карту занял минуту.",
		"He translated the report himself.",
	} {
		if n := translationNote(s); n != "" {
			t.Errorf("a note %q found in %q", n, s)
		}
	}
}

// writeDict writes an invented dictionary in dictd's format: an index of
// base64 offsets and a gzip'd body.
func writeDict(t *testing.T, dir, name string, entries [][2]string) string {
	t.Helper()
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	b64 := func(n int) string {
		if n == 0 {
			return "A"
		}
		var s []byte
		for ; n > 0; n /= 64 {
			s = append([]byte{digits[n%64]}, s...)
		}
		return string(s)
	}
	var body, index strings.Builder
	index.WriteString("00databaseinfo\tA\tB\n")
	for _, e := range entries {
		off := body.Len()
		body.WriteString(e[1])
		index.WriteString(e[0] + "\t" + b64(off) + "\t" + b64(len(e[1])) + "\n")
	}
	base := filepath.Join(dir, name)
	if err := os.WriteFile(base+".index", []byte(index.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(base + ".dict.dz")
	if err != nil {
		t.Fatal(err)
	}
	z := gzip.NewWriter(f)
	z.Write([]byte(body.String()))
	z.Close()
	f.Close()
	return base
}

func TestDictionary(t *testing.T) {
	dir := t.TempDir()
	writeDict(t, dir, "freedict-fra-eng", [][2]string{
		{"gouvernement", "gouvernement /ɡuvɛʁnəmɑ̃/ <n, masc>\n1. government, administration\n"},
		{"chat", "chat /ʃa/ <n, masc>\ncat\n   \"chat noir\" - black cat\n see: {chatte}\n"},
		{"allemagne", "Allemagne /almaɲ/ <n, fem>\nGermany\n"},
	})
	ds := NewDictionaries(dir)
	ds.CacheDir = t.TempDir()
	d, err := ds.For("fr")
	if err != nil || d == nil {
		t.Fatalf("dictionary not loaded: %v", err)
	}
	// The second reading comes from the cache, and is the same.
	again := NewDictionaries(dir)
	again.CacheDir = ds.CacheDir
	d2, err := again.For("fr")
	if err != nil || d2 == nil || d2.Words() != d.Words() || len(d2.keys) != len(d.keys) {
		t.Fatalf("dictionary from the cache: %v", err)
	}
	if c, _ := filepath.Glob(filepath.Join(ds.CacheDir, "freedict-fra-eng-*.bin")); len(c) != 1 {
		t.Errorf("cache files: %v", c)
	}
	for w, v := range d.words {
		if d2.words[w] != v {
			t.Fatalf("cached %q differs", w)
		}
	}
	keys, proper := d.lookup("gouvernements") // inflected: found through its stem
	if len(keys) != 2 || proper || keys[0] != englishKey("governments") {
		t.Errorf("gouvernements: %d keys, proper %v", len(keys), proper)
	}
	keys, _ = d.lookup("chat")
	if len(keys) != 1 || keys[0] != englishKey("cat") {
		t.Errorf("chat: the example and the cross-reference must not be translations: %d keys", len(keys))
	}
	if _, proper := d.lookup("Allemagne"); !proper {
		t.Error("Allemagne translates to a name")
	}
	if d, err := ds.For("de"); d != nil || err != nil {
		t.Errorf("no German dictionary is installed in the directory: %v %v", d, err)
	}
	// A broken index names its file and line; a broken cache is read past.
	os.WriteFile(dictCachePath(ds.CacheDir, filepath.Join(dir, "freedict-fra-eng")), []byte("junk"), 0o644)
	broken := NewDictionaries(dir)
	broken.CacheDir = ds.CacheDir
	if d3, err := broken.For("fr"); err != nil || d3 == nil || d3.Words() != d.Words() {
		t.Errorf("a broken cache: %v", err)
	}
	base := writeDict(t, dir, "freedict-ita-eng", nil)
	os.WriteFile(base+".index", []byte("casa\tA\tB\nporta\t!!\tB\n"), 0o644)
	if _, err := ds.For("it"); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a bad index line: %v", err)
	}
}

// An invented Russian report and its English translation, and an English
// report of another event with the same names and year.
const (
	ruReport = "Пресс-секретарь Кремля Дмитрий Песков 12 марта 2021 года заявил, что визит Макрона в Москву не планируется. " +
		"По его словам, переговоры с Францией продолжатся в формате видеосвязи. " +
		"Песков добавил, что товарооборот двух стран в прошлом году сократился на 17,5 процента и составил 13,2 миллиарда долларов. " +
		"Ранее агентство ТАСС сообщало, что НАТО проведет учения в Эстонии с участием 4 000 военных."
	enTranslation = "Kremlin spokesman Dmitry Peskov said on March 12, 2021 that Macron's visit to Moscow is not planned. " +
		"According to him, negotiations with France will continue by video link. " +
		"Peskov added that trade between the two countries fell by 17.5 percent last year to $13.2 billion. " +
		"Earlier, the TASS agency reported that NATO will hold exercises in Estonia involving 4,000 troops."
	enOther = "President Macron spoke with Chancellor Merkel about vaccines in 2021. " +
		"The two leaders discussed deliveries to Germany and Italy. " +
		"Officials in Brussels said the European Commission will publish new figures in May. " +
		"Hospitals in Paris reported 250 new admissions on Sunday."
)

func TestCompareFindsTheTranslation(t *testing.T) {
	an := NewAnalyzer(NewDictionaries(t.TempDir())) // no dictionaries: Russian works from anchors alone
	ru := doc.Document{ID: "a-ru", Lang: "ru", Text: ruReport, Date: "2021-03-12"}
	en := doc.Document{ID: "b-en", Lang: "en", Text: enTranslation, Date: "2021-03-13"}
	other := doc.Document{ID: "c-en", Lang: "en", Text: enOther}
	fru, _ := an.Features(&ru)
	fen, _ := an.Features(&en)
	foth, _ := an.Features(&other)
	m, ok := Compare(&ru, &en, fru, fen, DefaultMinScore)
	if !ok {
		t.Fatal("the translation was not found")
	}
	if m.Relation.Kind != relate.Translation || m.Relation.Direction != relate.AToB {
		t.Errorf("relation: %+v", m.Relation)
	}
	if len(m.Passages) != 4 {
		t.Fatalf("want the four sentences aligned one to one, got %d passages", len(m.Passages))
	}
	for i, p := range m.Passages {
		ra := ru.Text[p.A.Begin:p.A.End]
		rb := en.Text[p.B.Begin:p.B.End]
		if strings.Count(ra, ".") != 1 && i < 3 || !strings.HasSuffix(rb, ".") {
			t.Errorf("passage %d is not one sentence pair: %q / %q", i, ra, rb)
		}
	}
	if m.Relation.CoverageA < 0.95 || m.Relation.CoverageB < 0.95 {
		t.Errorf("coverage %.2f/%.2f", m.Relation.CoverageA, m.Relation.CoverageB)
	}
	if m2, ok := Compare(&ru, &other, fru, foth, DefaultMinScore); ok {
		t.Errorf("an unrelated report taken for a translation (score %.3f)", m2.Score)
	}
	// Fingerprints of the pair meet; those of the other report barely.
	share := func(x, y *Features) int {
		hs := map[uint64]bool{}
		for _, f := range x.Fingerprints() {
			hs[f.Hash] = true
		}
		n := 0
		for _, f := range y.Fingerprints() {
			if hs[f.Hash] {
				n++
			}
		}
		return n
	}
	if s, o := share(fru, fen), share(fru, foth); s < 5 || o >= s/2 {
		t.Errorf("shared fingerprints: %d with the translation, %d with the other", s, o)
	}
}

func TestUnknownLanguageIsNotCompared(t *testing.T) {
	an := NewAnalyzer(nil)
	ru := doc.Document{ID: "a", Lang: "ru", Text: ruReport}
	unk := doc.Document{ID: "b", Text: enTranslation}
	fa, _ := an.Features(&ru)
	fb, _ := an.Features(&unk)
	if _, ok := Compare(&ru, &unk, fa, fb, 0); ok {
		t.Error("a document of unknown language was compared")
	}
	if n := len(fb.Fingerprints()); n != 0 {
		t.Errorf("a document of unknown language has %d fingerprints", n)
	}
}

func TestDirectionFromANote(t *testing.T) {
	an := NewAnalyzer(nil)
	ru := doc.Document{ID: "a", Lang: "ru", Text: ruReport + " Перевод с английского Анны Ивановой."}
	en := doc.Document{ID: "b", Lang: "en", Text: enTranslation}
	fa, _ := an.Features(&ru)
	fb, _ := an.Features(&en)
	m, ok := Compare(&ru, &en, fa, fb, DefaultMinScore)
	if !ok {
		t.Fatal("not found")
	}
	if m.Relation.Direction != relate.BToA || !strings.Contains(m.Relation.Reason, "Перевод с английского") {
		t.Errorf("direction %s: %s", m.Relation.Direction, m.Relation.Reason)
	}
	en.Text = enTranslation
	ru.Text = ruReport
	fa, _ = an.Features(&ru)
	m, _ = Compare(&ru, &en, fa, fb, DefaultMinScore)
	if m.Relation.Direction != relate.Undetermined || !strings.Contains(m.Relation.Reason, "(ru)") {
		t.Errorf("without dates or notes: %s: %s", m.Relation.Direction, m.Relation.Reason)
	}
}
