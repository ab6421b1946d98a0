package read_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/read"
)

func ExampleMarkRegions() {
	d := &doc.Document{Text: "Night ferry resumes PHOTO: The quay at dawn.\n\n" +
		"The night ferry resumed service on Monday after the storm passed over the strait.\n\n" +
		"Subscribe to our newsletter for more stories.\n\n" +
		"This article was originally published on Coast Daily."}
	read.MarkRegions(d)
	for _, r := range d.Regions {
		fmt.Printf("%s %q note=%q\n", r.Kind, d.Text[r.Begin:r.End], r.Note)
	}
	// Output:
	// caption "PHOTO: The quay at dawn." note=""
	// boilerplate "Subscribe to our newsletter for more stories." note=""
	// hint "This article was originally published on Coast Daily." note="Coast Daily"
}

func ExamplePaths() {
	in := `{"id":"a1","series":"coast","text":"Ferries ran late."}` + "\n" +
		`{"id":"a2","text":` + "\n" +
		`{"text":"No id: named by its content hash."}` + "\n"
	stats, err := read.Paths(context.Background(), []string{"-"}, read.Options{Stdin: strings.NewReader(in)},
		func(d doc.Document) error {
			fmt.Printf("doc %s outlet=%q\n", d.ID, d.Outlet)
			return nil
		},
		func(p read.Problem) { fmt.Println("problem", p) })
	fmt.Println(stats.Read, stats.Failed, err)
	// Output:
	// doc a1 outlet="coast"
	// problem -:2: malformed record: unexpected EOF
	// doc stdin:1fb7b87f184c64c9 outlet=""
	// 2 1 <nil>
}
