package store

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// regionsJSON must read what json.Unmarshal reads, or leave the text to
// it: every text here is decoded both ways through DecodeRecord.
func TestRegionsJSON(t *testing.T) {
	fast := []string{
		`[]`,
		`[{"kind":"boilerplate","begin":2834,"end":2947}]`,
		`[{"kind":"boilerplate","begin":2834,"end":2947},{"kind":"caption","begin":2953,"end":2992}]`,
		`[{"kind":"hint","begin":0,"end":0,"note":"originally published by the Herald"}]`,
		`[{"kind":"comment","begin":-0,"end":-12,"note":""}]`,
		`[{"kind":"sidebar","begin":1,"end":2,"note":"Ärger über Straße — 東京"}]`,
		`[{"kind":"","begin":999999999999999999,"end":7}]`,
	}
	slow := []string{
		`null`,
		` []`,
		`[] `,
		`[{"kind":"caption","begin":1,"end":2} ]`,
		`[{"begin":1,"kind":"caption","end":2}]`,
		`[{"kind":"caption","begin":1}]`,
		`[{"kind":"caption","begin":1,"end":2,"note":"a \u003cb\u003e"}]`,
		`[{"kind":"caption","begin":1,"end":2,"note":"tab\tquote\" and \\"}]`,
		"[{\"kind\":\"caption\",\"begin\":1,\"end\":2,\"note\":\"bad \xff byte\"}]",
		`[{"kind":"caption","begin":01,"end":2}]`,
		`[{"kind":"caption","begin":1.5,"end":2}]`,
		`[{"kind":"caption","begin":1e3,"end":2}]`,
		`[{"kind":"caption","begin":9999999999999999999,"end":2}]`,
		`[{"kind":"caption","begin":1,"end":2,"extra":true}]`,
		`[{"kind":"caption","begin":1,"end":2},]`,
		`[{"kind":"caption","begin":1,"end":2}`,
		`[{"kind":"caption","begin":-,"end":2}]`,
	}
	check := func(s string, wantFast bool) {
		t.Helper()
		if _, ok := regionsJSON(s); ok != wantFast {
			t.Errorf("regionsJSON(%q) ok = %v, want %v", s, ok, wantFast)
		}
		var want []doc.Region
		wantErr := json.Unmarshal([]byte(s), &want)
		var got doc.Document
		err := DecodeRecord(&got, s, "")
		if (err != nil) != (wantErr != nil) || !reflect.DeepEqual(got.Regions, want) {
			t.Errorf("%q: got %#v, %v; json.Unmarshal %#v, %v", s, got.Regions, err, want, wantErr)
		}
	}
	for _, s := range fast {
		check(s, true)
	}
	for _, s := range slow {
		check(s, false)
	}
	// What EncodeRecord writes, of random regions, is read fast.
	r := rand.New(rand.NewPCG(1, 2))
	notes := []string{"", "a", "Herald", "<b>&", `say "hi"`, "é", "\n"}
	kinds := []doc.RegionKind{doc.RegionBoilerplate, doc.RegionCaption, doc.RegionComment, doc.RegionHint, "other"}
	for range 500 {
		rs := make([]doc.Region, 1+r.IntN(4))
		plain := true
		for i := range rs {
			rs[i] = doc.Region{Kind: kinds[r.IntN(len(kinds))], Begin: r.IntN(1 << 20), End: r.IntN(1 << 30), Note: notes[r.IntN(len(notes))]}
			plain = plain && rs[i].Note != "<b>&" && rs[i].Note != `say "hi"` && rs[i].Note != "\n"
		}
		b, err := json.Marshal(rs)
		if err != nil {
			t.Fatal(err)
		}
		check(string(b), plain)
	}
}
