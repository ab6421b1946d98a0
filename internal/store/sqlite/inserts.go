package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"iter"
	"strings"
	"sync"
)

// insertBatch is how many rows one insert statement of insertTables
// carries: one statement per row spent more in the driver's per-call
// work (arguments converted, statement reset) than in SQLite writing
// the row, and a few dozen rows a call make that small. 64 rows of the
// widest table (18 columns) stay far under SQLite's limit of bound
// parameters.
const insertBatch = 64

// insertAhead is how many batches of values insertTables's producer may
// have ready before the writer takes them.
const insertAhead = 4

// insertTable is a table insertTables writes: head is the statement up
// to VALUES ("INSERT OR FAIL INTO t(a, b)"), cols its number of columns.
//
// The bulk replacements' heads say OR FAIL and give no value of the
// table's INTEGER PRIMARY KEY (its rowid, which SQLite then numbers from
// 1 in the order of the rows in an emptied table): a statement that may
// stop half-way with its rows undone (a NOT NULL or unique constraint
// of the default ABORT, or a key value that must be checked to be an
// integer) makes SQLite keep a statement journal inside a transaction,
// and every page that the statement reuses from the free list (where
// the DELETE before it left the rows replaced) was copied into it first,
// a temporary file, at a system call a page. With OR FAIL a failed row
// keeps the rows before it, which is the same here: an error rolls the
// whole replacement back.
type insertTable struct {
	head string
	cols int
}

// rowBatch is a batch of values of one table of insertTables, or the
// error that ended the rows.
type rowBatch struct {
	table  int
	values []any
	err    error
}

// rowSink is what the producer of insertTables adds rows to: a row of
// table t is appended to row(t) and handed back with put.
type rowSink struct {
	tables  []insertTable
	filling [][]any // the batch being filled, per table (nil: none yet)
	batches chan<- rowBatch
	free    chan []any
	stop    <-chan struct{}
	added   []int // rows added, per table
}

// row is the batch of table t to append a row's values to.
func (s *rowSink) row(t int) []any {
	if s.filling[t] == nil {
		select {
		case s.filling[t] = <-s.free:
		case <-s.stop:
			return nil
		}
	}
	return s.filling[t]
}

// put takes back the batch of table t with one more row appended, and
// hands it to the writer when full. It is false when the writer has
// stopped: the producer must return.
func (s *rowSink) put(t int, b []any) bool {
	s.filling[t] = b
	s.added[t]++
	if len(b) < insertBatch*s.tables[t].cols {
		return true
	}
	s.filling[t] = nil
	return s.send(rowBatch{table: t, values: b})
}

func (s *rowSink) send(b rowBatch) bool {
	select {
	case s.batches <- b:
		return true
	case <-s.stop:
		return false
	}
}

// insertTables inserts the rows produce adds into tables on conn, whose
// transaction is open, with prepared multi-row inserts of insertBatch
// rows (the last of each table shorter). Each table's rows go in in the
// order added; the values are what the driver binds as they are (int64,
// string, bool, []byte, nil). An error of produce is returned.
//
// produce runs on a goroutine of its own while this one executes the
// batches before: reading the rows (the quote stage decodes them from
// temporary files, the story stage summarises stories) and converting
// their values cost about a third of what SQLite's writing of them does,
// and the write is the one serial step of a replacement, so they
// overlap.
//
// The batches go to the driver directly (sql.Conn.Raw), each in one
// slice of arguments used again: through database/sql every execution
// made its own copy of the values and checked each, and at a million
// documents that copying was gigabytes of garbage, collected at the
// store step's tight pace while the analysis's tables are alive.
func insertTables(ctx context.Context, conn *sql.Conn, tables []insertTable, produce func(s *rowSink) error) error {
	batches := make(chan rowBatch, insertAhead)
	// The producer holds a batch per table, the channel insertAhead and
	// the writer one: with one more, the producer never waits for a free
	// batch the writer cannot give back.
	maxCols := 0
	for _, t := range tables {
		maxCols = max(maxCols, t.cols)
	}
	nFree := insertAhead + len(tables) + 2
	free := make(chan []any, nFree)
	for range nFree {
		free <- make([]any, 0, insertBatch*maxCols)
	}
	stop := make(chan struct{})
	sink := &rowSink{tables: tables, filling: make([][]any, len(tables)), batches: batches, free: free, stop: stop, added: make([]int, len(tables))}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(batches)
		if err := produce(sink); err != nil {
			sink.send(rowBatch{err: err})
			return
		}
		for t, b := range sink.filling {
			if len(b) > 0 && !sink.send(rowBatch{table: t, values: b}) {
				return
			}
		}
	}()
	defer func() {
		close(stop)
		wg.Wait()
	}()
	return conn.Raw(func(dc any) error {
		prep, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("driver connection %T cannot prepare with a context", dc)
		}
		prepare := func(t, n int) (driver.Stmt, driver.StmtExecContext, error) {
			st, err := prep.PrepareContext(ctx, insertStatement(tables[t].head, tables[t].cols, n))
			if err != nil {
				return nil, nil, err
			}
			ex, ok := st.(driver.StmtExecContext)
			if !ok {
				st.Close()
				return nil, nil, fmt.Errorf("driver statement %T cannot execute with a context", st)
			}
			return st, ex, nil
		}
		// Each table's full statement, prepared at its first full batch.
		full := make([]driver.Stmt, len(tables))
		fullExec := make([]driver.StmtExecContext, len(tables))
		defer func() {
			for _, st := range full {
				if st != nil {
					st.Close()
				}
			}
		}()
		named := make([]driver.NamedValue, insertBatch*maxCols)
		first := make([]int, len(tables)) // number of each table's next row
		for b := range batches {
			if b.err != nil {
				return b.err
			}
			cols := tables[b.table].cols
			rows := len(b.values) / cols
			var ex driver.StmtExecContext
			if rows == insertBatch {
				if full[b.table] == nil {
					st, stExec, err := prepare(b.table, insertBatch)
					if err != nil {
						return err
					}
					full[b.table], fullExec[b.table] = st, stExec
				}
				ex = fullExec[b.table]
			} else {
				rest, restExec, err := prepare(b.table, rows)
				if err != nil {
					return err
				}
				defer rest.Close()
				ex = restExec
			}
			nv := named[:len(b.values)]
			for j, v := range b.values {
				nv[j] = driver.NamedValue{Ordinal: j + 1, Value: v}
			}
			_, err := ex.ExecContext(ctx, nv)
			clear(nv)
			if err != nil {
				return fmt.Errorf("%s: rows %d to %d: %w", tableName(tables[b.table].head), first[b.table], first[b.table]+rows-1, err)
			}
			first[b.table] += rows
			clear(b.values)
			free <- b.values[:0]
		}
		return nil
	})
}

// tableName is the table an insert's head names.
func tableName(head string) string {
	f := strings.Fields(head)
	if len(f) < 3 {
		return head
	}
	name, _, _ := strings.Cut(f[2], "(")
	return name
}

// insertSeq inserts every row of a sequence into one table with
// insertTables: head and cols as insertTable's, args appends a row's
// values to dst.
func insertSeq[T any](ctx context.Context, conn *sql.Conn, head string, cols int, rows iter.Seq2[T, error], args func(dst []any, row T) []any) error {
	if rows == nil {
		return nil
	}
	return insertTables(ctx, conn, []insertTable{{head: head, cols: cols}}, func(s *rowSink) error {
		for row, err := range rows {
			if err != nil {
				return err
			}
			b := s.row(0)
			if b == nil || !s.put(0, args(b, row)) {
				return nil
			}
		}
		return nil
	})
}

// boxedInts are the numbers below 1<<14 as driver values, made once:
// converting an int64 above 255 to an interface allocates, and a row of
// quote occurrences carries up to six offsets into its document, most
// of them small. (16 384 values, 384 KiB, made at the first insert.)
var boxedInts = sync.OnceValue(func() []any {
	b := make([]any, 1<<14)
	for i := range b {
		b[i] = int64(i)
	}
	return b
})

// boxInt is v as a driver value (int64), without an allocation when
// it is small.
func boxInt(v int) any {
	if b := boxedInts(); uint(v) < uint(len(b)) {
		return b[v]
	}
	return int64(v)
}

// lastString boxes the strings of one column of a run of rows: a string
// equal to the row before's is given as the same driver value, without
// a new allocation (the rows of one document repeat its id and outlet,
// and a kind or type is one of a few).
type lastString struct {
	s  string
	v  any
	ok bool
}

// box is s as a driver value.
func (l *lastString) box(s string) any {
	if !l.ok || s != l.s {
		l.s, l.v, l.ok = s, s, true
	}
	return l.v
}

// null is box(s), or nil (SQL NULL) for "".
func (l *lastString) null(s string) any {
	if s == "" {
		return nil
	}
	return l.box(s)
}

// insertStatement is the statement inserting n rows of cols values each
// ("INSERT INTO t(a, b) VALUES (?, ?), (?, ?)"), head its part before
// VALUES.
func insertStatement(head string, cols, n int) string {
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	return head + " VALUES " + strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
}
