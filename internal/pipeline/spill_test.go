package pipeline

import (
	"reflect"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// fill sets every field of v, nested ones too, to a value of its own
// that is not zero, so that a field a codec leaves out does not come back.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)) + "·" + string(rune('0'+*n%10)))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n*1000 - 7))
	case reflect.Uint64:
		v.SetUint(uint64(*n) * 0x9e3779b97f4a7c15) // hashes use every bit
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 3, 3))
		for i := range 3 {
			fill(v.Index(i), n)
		}
	default:
		panic("fill: no value for a " + v.Kind().String())
	}
}

func roundTrip[T any](t *testing.T, codec spillCodec[T], recs []T) {
	t.Helper()
	s, err := newSpill(t.TempDir(), "test", codec)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range recs {
		if err := s.add(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	k := 0
	for got, err := range s.all() {
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, recs[k]) {
			t.Errorf("record %d:\n got %+v\nwant %+v", k, got, recs[k])
		}
		k++
	}
	if k != len(recs) {
		t.Errorf("%d records read back, want %d", k, len(recs))
	}
}

// Every field of an occurrence, of an entity mention and of a document's
// record for the join of short names comes back from a spill file as it
// went in; nil spans stay nil, and so do no parts.
func TestSpillCodecsKeepEveryField(t *testing.T) {
	n := 0
	var full spilledOccurrence
	fill(reflect.ValueOf(&full).Elem(), &n)
	zeroSpan := spilledOccurrence{N: 3}
	zeroSpan.Row.SpeakerSpan = &doc.Span{}
	zeroSpan.Row.Parts = []doc.Span{{Begin: -5, End: 1 << 40}}
	roundTrip(t, occurrenceCodec, []spilledOccurrence{full, {}, zeroSpan, full})
	var m store.EntityMention
	fill(reflect.ValueOf(&m).Elem(), &n)
	roundTrip(t, mentionCodec, []store.EntityMention{m, {}, m})
	var d extract.ShortDoc
	fill(reflect.ValueOf(&d).Elem(), &n)
	roundTrip(t, shortDocCodec, []extract.ShortDoc{d, {}, d})
}
