package cluster_test

import (
	"fmt"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
)

// Two outlets report a ferry strike in their own words; a third writes
// about an election a month later.
func ExampleClusterer() {
	day := func(d int) time.Time { return time.Date(2030, 3, d, 0, 0, 0, 0, time.UTC) }
	docs := []cluster.Item{
		{ID: "a", Outlet: "Harbour Post", Date: day(2), Title: "Ferry crews strike in Tarsby",
			Text: "Ferry crews in Tarsby walked out on Monday over pay, stopping every crossing to Holm Island. The union said the strike would last three days."},
		{ID: "b", Outlet: "Island Radio", Date: day(3),
			Text: "No ferries ran between Tarsby and Holm Island after the crews went on strike over pay. The strike is planned to last three days, the union said."},
		{ID: "c", Outlet: "Harbour Post", Date: day(30), Title: "Mayor re-elected",
			Text: "Mayor Irma Quist won a third term in the city election on Sunday, with turnout lower than four years ago."},
	}
	c := cluster.New(cluster.DefaultParams())
	for _, d := range docs {
		p, err := c.Add(d)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.ID, "->", p.Story, p.Reason)
	}
	for _, s := range c.Stories(nil) {
		fmt.Println(s.ID, s.Documents, s.First, s.Last, s.Outlets)
	}
	// Output:
	// a -> s1 new
	// b -> s1 similar
	// c -> s2 new
	// s1 [a b] 2030-03-02 2030-03-03 [Harbour Post Island Radio]
	// s2 [c] 2030-03-30 2030-03-30 [Harbour Post]
}
