package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// progress shows a spinner with a count of documents read on stderr, only
// when stderr is a terminal: logs and pipes get the summary alone.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(w io.Writer) *progress {
	f, ok := w.(*os.File)
	if !ok || !isatty.IsTerminal(f.Fd()) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("reading"),
		progressbar.OptionShowCount(),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionClearOnFinish(),
	)}
}

func (p *progress) update(n int) {
	if p.bar != nil {
		_ = p.bar.Set(n)
	}
}

// indexing says that every document is stored and the store builds its
// indexes.
func (p *progress) indexing() {
	if p.bar != nil {
		p.bar.Describe("indexing")
	}
}

// clear removes the bar so a message can be printed on a clean line.
func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// stageProgress shows on a terminal what an analysis is doing: a bar per
// stage (reuse, indexing and aligning; quotes; stories, reading and
// placing) with the documents done of all and the time left, and a
// spinner for a step whose size is unknown. Elsewhere it writes nothing.
type stageProgress struct {
	w     io.Writer
	on    bool
	stage string
	total int64 // of the current bar; -1 when unknown
	bar   *progressbar.ProgressBar
}

func newStageProgress(w io.Writer) *stageProgress {
	f, ok := w.(*os.File)
	return &stageProgress{w: w, on: ok && isatty.IsTerminal(f.Fd())}
}

// step is told when a step begins (AnalyzeOptions.Log).
func (p *stageProgress) step(format string, args ...any) {
	p.start(fmt.Sprintf(format, args...), -1)
}

// update is told how far a stage has got (AnalyzeOptions.Progress).
func (p *stageProgress) update(stage string, done, total int64) {
	if !p.on {
		return
	}
	if total <= 0 {
		total = -1
	}
	// A stage announced by step gets its bar once its size is known.
	if stage != p.stage || p.bar == nil || total != p.total {
		p.start(stage, total)
	}
	_ = p.bar.Set64(done)
}

func (p *stageProgress) start(stage string, total int64) {
	if !p.on {
		return
	}
	p.done()
	p.stage, p.total = stage, total
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(stage),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionClearOnFinish(),
	}
	// A step of unknown size counts nothing: its spinner and the time it
	// has taken say it is working ("0/-, 0 documents/hr" said nothing).
	if total > 0 {
		opts = append(opts,
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("documents"),
			progressbar.OptionShowIts(),
			progressbar.OptionSetPredictTime(true),
		)
	}
	p.bar = progressbar.NewOptions64(total, opts...)
	// A spinner turns on its own once started: a step without counts
	// (finding reuse) shows it is working.
	_ = p.bar.Add64(0)
}

// done clears the current bar.
func (p *stageProgress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}
