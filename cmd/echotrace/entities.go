package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	var q store.EntityQuery
	var typ string
	var top int
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "People, organisations and places: mentions per entity, per document and per outlet",
		Long: `entities lists the people, organisations and places the documents
mention, with how often and where: per entity, per document and per
outlet. Spellings and transliterations of one place (Kiev, Kyiv, Киев)
count as one entity; a surname, "he" or "the minister" resolved to a
person counts as a mention of that person, and an organisation named by
its first word where other documents of the story name it in full
("Kessel", "Kessel Agrochemicals") as a mention of that organisation. It
analyses new documents first.

With --json it prints {"entities", "documents", "outlets"}.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if q.Type, err = entityType(typ); err != nil {
				return err
			}
			st, err := openAnalysed(cmd.Context(), cmd.ErrOrStderr(), q.Doc)
			if err != nil {
				return err
			}
			defer st.Close()
			ms, err := st.EntityMentions(cmd.Context(), q)
			if err != nil {
				return err
			}
			out := summariseEntities(ms)
			if flagJSON {
				return writeJSON(cmd.OutOrStdout(), out)
			}
			return printEntities(cmd.OutOrStdout(), out, top)
		},
	}
	cmd.Flags().StringVar(&q.Doc, "doc", "", "only this document")
	cmd.Flags().StringVar(&typ, "type", "", "only this type: person, org or place")
	cmd.Flags().IntVar(&top, "top", 30, "entities listed in the text output (0: all)")
	rootCmd.AddCommand(cmd)
}

type entitiesOutput struct {
	Entities  []entityCount `json:"entities"`
	Documents []groupCount  `json:"documents"`
	Outlets   []groupCount  `json:"outlets"`
}

type entityCount struct {
	ID        string             `json:"id"`
	Name      string             `json:"name"`
	Type      extract.EntityType `json:"type"`
	Mentions  int                `json:"mentions"`
	Documents int                `json:"documents"`
	Outlets   map[string]int     `json:"outlets"` // mentions per outlet
}

// groupCount is the entity mentions of one document or outlet.
type groupCount struct {
	Name     string         `json:"name"`
	Outlet   string         `json:"outlet,omitempty"`
	Entities int            `json:"entities"`
	Mentions map[string]int `json:"mentions"` // per entity type
}

func summariseEntities(ms []store.EntityMention) entitiesOutput {
	byID := map[string]*entityCount{}
	docsOf := map[string]map[string]bool{}
	docs := map[string]*groupCount{}
	outlets := map[string]*groupCount{}
	seen := map[*groupCount]map[string]bool{}
	count := func(groups map[string]*groupCount, key, outlet string, m store.EntityMention) {
		c := groups[key]
		if c == nil {
			c = &groupCount{Name: key, Outlet: outlet, Mentions: map[string]int{}}
			groups[key] = c
			seen[c] = map[string]bool{}
		}
		c.Mentions[string(m.Type)]++
		if !seen[c][m.Entity] {
			seen[c][m.Entity] = true
			c.Entities++
		}
	}
	for _, m := range ms {
		e := byID[m.Entity]
		if e == nil {
			e = &entityCount{ID: m.Entity, Name: m.Name, Type: m.Type, Outlets: map[string]int{}}
			byID[m.Entity] = e
			docsOf[m.Entity] = map[string]bool{}
		}
		e.Mentions++
		docsOf[m.Entity][m.Doc] = true
		outlet := m.Outlet
		if outlet == "" {
			outlet = "(no outlet)"
		}
		e.Outlets[outlet]++
		count(docs, m.Doc, m.Outlet, m)
		count(outlets, outlet, "", m)
	}
	var out entitiesOutput
	for id, e := range byID {
		e.Documents = len(docsOf[id])
		out.Entities = append(out.Entities, *e)
	}
	sort.Slice(out.Entities, func(i, j int) bool {
		a, b := out.Entities[i], out.Entities[j]
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		return a.ID < b.ID
	})
	for _, c := range docs {
		out.Documents = append(out.Documents, *c)
	}
	for _, c := range outlets {
		out.Outlets = append(out.Outlets, *c)
	}
	sort.Slice(out.Documents, func(i, j int) bool { return out.Documents[i].Name < out.Documents[j].Name })
	sort.Slice(out.Outlets, func(i, j int) bool { return out.Outlets[i].Name < out.Outlets[j].Name })
	return out
}

func printEntities(w io.Writer, out entitiesOutput, top int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Entities (%d)\n", len(out.Entities))
	for i, e := range out.Entities {
		if top > 0 && i == top {
			fmt.Fprintf(&b, "  … %d more (--top 0 lists all)\n", len(out.Entities)-top)
			break
		}
		fmt.Fprintf(&b, "  %-7s %-40s %4d %-8s in %s\n", e.Type, clip(e.Name, 40), e.Mentions, noun(e.Mentions, "mention", "mentions"), plural(e.Documents, "document", "documents"))
	}
	for _, g := range []struct {
		title string
		list  []groupCount
	}{{"Per document", out.Documents}, {"Per outlet", out.Outlets}} {
		fmt.Fprintf(&b, "\n%s\n", g.title)
		for _, c := range g.list {
			fmt.Fprintf(&b, "  %-40s %3d entities  people %3d  orgs %3d  places %3d\n", clip(c.Name, 40), c.Entities,
				c.Mentions[string(extract.Person)], c.Mentions[string(extract.Org)], c.Mentions[string(extract.Place)])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
