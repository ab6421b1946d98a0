package cluster

// Summaries are the stories and narratives of a clusterer, made a batch at
// a time as they are written (EachStory, EachNarrative). A summary holds
// its documents' ids, outlets, timeline and label, about a kilobyte for a
// story of one document: every story's and narrative's at once took some
// 370 MiB at 100 000 documents, the peak of the story stage, and would
// grow with the corpus; a batch's is bounded.
type Summaries struct {
	c *Clusterer
	// live are the stories holding documents, in order of creation.
	live []int32
	// groups are each narrative's stories, in narrative order, and
	// narrativeOf is by story 1 + the narrative holding it (0: none).
	groups      [][]int32
	narrativeOf []int32
}

// summaryBatch is how many stories or narratives EachStory and
// EachNarrative summarise at a time: enough for all cores to share out,
// a few MiB of summaries. (A variable so that tests can make batches of
// a few.)
var summaryBatch = 2048

// Summaries groups the stories into narratives (see Narratives) and
// returns the stories and narratives to be summarised. The clusterer must
// not change while they are in use.
func (c *Clusterer) Summaries() *Summaries {
	s := &Summaries{c: c, groups: c.narrativeGroups(), narrativeOf: make([]int32, len(c.stories))}
	for i, st := range c.stories {
		if len(st.Docs) > 0 {
			s.live = append(s.live, int32(i))
		}
	}
	for k, members := range s.groups {
		for _, si := range members {
			s.narrativeOf[si] = int32(k + 1)
		}
	}
	return s
}

// Stories is how many stories EachStory gives.
func (s *Summaries) Stories() int { return len(s.live) }

// Narratives is how many narratives EachNarrative gives.
func (s *Summaries) Narratives() int { return len(s.groups) }

// EachStory calls fn with the stories in order (those of
// Clusterer.Stories given the narratives), up to summaryBatch (2 048) at a time,
// each batch summarised on all cores while fn takes the batch before. fn
// must not keep the slice, which the batch after next reuses; the
// stories themselves are its own. An error of fn stops the walk and is
// returned.
func (s *Summaries) EachStory(fn func([]Story) error) error {
	return eachBatch(len(s.live), func(start int, out []Story) {
		batch := s.live[start:]
		eachIndex(len(out), func(k int) {
			si := batch[k]
			st := s.c.stories[si]
			out[k] = Story{Summary: s.c.summarize(storyID(si), st.Docs, st.Terms, st.Ents)}
			if n := s.narrativeOf[si]; n > 0 {
				out[k].Narrative = narrativeID(int(n - 1))
			}
		})
	}, fn)
}

// EachNarrative calls fn with the narratives in order (those of
// Clusterer.Narratives), up to summaryBatch (2 048) at a time, as EachStory does.
func (s *Summaries) EachNarrative(fn func([]Narrative) error) error {
	return eachBatch(len(s.groups), func(start int, out []Narrative) {
		eachIndex(len(out), func(k int) { out[k] = s.c.narrative(start+k, s.groups[start+k]) })
	}, fn)
}

// eachBatch calls fn with the summaries of items 0 to n−1, summaryBatch at
// a time, in order: summarise fills out with those of the items from
// start on. The next batch is made on a goroutine of its own while fn
// takes one: a store writes a batch on one core (encoding and inserting
// each summary), and summarising the next on all cores meanwhile keeps
// the other busy. Two batches' room is used in turn.
func eachBatch[T any](n int, summarise func(start int, out []T), fn func([]T) error) error {
	var room [2][]T
	ahead := func(start int) chan []T {
		k := start / summaryBatch % 2
		if room[k] == nil {
			room[k] = make([]T, min(summaryBatch, n))
		}
		out := room[k][:min(summaryBatch, n-start)]
		done := make(chan []T, 1)
		go func() {
			summarise(start, out)
			done <- out
		}()
		return done
	}
	var next chan []T
	if n > 0 {
		next = ahead(0)
	}
	for start := 0; start < n; start += summaryBatch {
		out := <-next
		next = nil
		if start+summaryBatch < n {
			next = ahead(start + summaryBatch)
		}
		err := fn(out)
		clear(out)
		if err != nil {
			if next != nil {
				<-next // the clusterer is read until the batch is made
			}
			return err
		}
	}
	return nil
}
