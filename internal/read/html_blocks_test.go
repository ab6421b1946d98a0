package read

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestParagraphsOfBuiltNodes: elements an extractor builds carry their tag
// in Data only (DataAtom 0), or were renamed and keep an old atom; they
// still break paragraphs and cells.
func TestParagraphsOfBuiltNodes(t *testing.T) {
	el := func(name string, a atom.Atom, kids ...*html.Node) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: name, DataAtom: a}
		for _, k := range kids {
			n.AppendChild(k)
		}
		return n
	}
	txt := func(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }
	root := el("div", 0,
		el("p", 0, txt("First paragraph.")),
		el("p", atom.Span, txt("A span renamed to a paragraph.")),
		el("table", 0, el("tr", 0, el("td", 0, txt("Piloto")), el("td", 0, txt("Pontos")), el("td", 0, txt("Vitórias")))),
		el("list", 0, el("li", 0, txt("one")), el("li", 0, txt("two"))),
		el("blockquote", 0, txt("Quoted")), txt("after"), el("br", 0), txt("line"),
	)
	var got []string
	for _, p := range paragraphsOf(root, nil) {
		got = append(got, p.text)
	}
	want := []string{"First paragraph.", "A span renamed to a paragraph.", "Piloto Pontos Vitórias", "one", "two", "Quoted", "after\nline"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}

// TestParseHTMLBlocksAndEncodings: a results table and a list in the
// article keep their words apart, and pages are decoded whatever they
// declare.
func TestParseHTMLBlocksAndEncodings(t *testing.T) {
	article := `<article><h1>Título da corrida</h1><p>O piloto venceu a corrida de domingo depois de largar em quinto lugar, e o público aplaudiu muito a ultrapassagem final na última volta.</p>
<table><tr><th>Piloto</th><th>Pontos</th><th>Vitórias</th></tr><tr><td>Silva</td><td>120</td><td>4</td></tr></table>
<ul><li>Primeira etapa</li><li>Segunda etapa</li></ul><p>A próxima corrida será em duas semanas, na mesma pista, e os ingressos já estão à venda.</p></article>`
	page := `<!DOCTYPE html><html><head><title>Corrida</title></head><body>` + article + `</body></html>`
	d, err := ParseHTML([]byte(page), HTMLPage{})
	if err != nil {
		t.Fatal(err)
	}
	for _, glued := range []string{"PilotoPontos", "PontosVitórias", "Silva120", "etapaSegunda"} {
		if strings.Contains(d.Text, glued) {
			t.Errorf("words glued (%q) in %q", glued, d.Text)
		}
	}

	cyr := `<!DOCTYPE html><html><head><title>Паром</title></head><body><article><p>Паром вышел в рейс рано утром, и все пассажиры успели на работу вовремя. Капитан сказал, что погода была хорошая и что завтра паром снова выйдет по расписанию.</p></article></body></html>`
	cp1251, _ := charmap.Windows1251.NewEncoder().String(cyr)
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(cyr)
	for _, tt := range []struct {
		name, body, contentType, want string
	}{
		{"UTF-8 without a declaration", strings.Replace(page, "piloto venceu", "piloto’s venceu", 1), "", "piloto’s venceu"},
		{"UTF-8 against a windows-1252 header", strings.Replace(page, "piloto venceu", "piloto’s venceu", 1), "text/html; charset=windows-1252", "piloto’s venceu"},
		{"undeclared windows-1251", cp1251, "", "Паром вышел в рейс"},
		{"declared windows-1251", strings.Replace(cp1251, "<head>", `<head><meta charset="windows-1251">`, 1), "", "Паром вышел в рейс"},
		{"UTF-16 with a BOM", utf16, "", "Паром вышел в рейс"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseHTML([]byte(tt.body), HTMLPage{ContentType: tt.contentType})
			if err != nil || !strings.Contains(d.Text, tt.want) {
				t.Errorf("text %q, %v; want it to hold %q", d.Text, err, tt.want)
			}
		})
	}
}
