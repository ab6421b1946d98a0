package read

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

func readTelegramBytes(t *testing.T, path string, b []byte) ([]doc.Document, []Problem, error) {
	t.Helper()
	f, ok := FormatFor(path)
	if !ok || f.Name != "telegram" {
		t.Fatalf("format for %s = %q, %v", path, f.Name, ok)
	}
	var docs []doc.Document
	var problems []Problem
	err := f.Read(context.Background(), Source{Path: path, R: bytes.NewReader(b), Size: int64(len(b))}, Options{},
		func(d doc.Document) error { docs = append(docs, d); return nil },
		func(p Problem) { problems = append(problems, p) })
	return docs, problems, err
}

func TestTelegramFormatByFileName(t *testing.T) {
	for name, want := range map[string]bool{"result.json": true, "export/RESULT.json": true, `c:\\x\\result.json`: true, "myresult.json": false, "result.jsonl": false} {
		f, ok := FormatFor(name)
		if got := ok && f.Name == "telegram"; got != want {
			t.Errorf("FormatFor(%q) = %q, %v; telegram wanted: %v", name, f.Name, ok, want)
		}
	}
}

func TestReadTelegram(t *testing.T) {
	b, err := os.ReadFile("testdata/telegram/result.json")
	if err != nil {
		t.Fatal(err)
	}
	if !sniffTelegram(b[:512]) {
		t.Error("sniffTelegram does not recognise an export")
	}
	docs, problems, err := readTelegramBytes(t, "export/result.json", b)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	want := []string{"telegram:1712345678:2", "telegram:1712345678:3", "telegram:1712345678:7"}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids = %v, want %v (service, photo-only and bad messages skipped)", ids, want)
	}
	first := docs[0]
	if first.Outlet != "Harbour Watch" || first.Author != "Jane Roe" || first.Date != "2023-04-05T12:30:00Z" {
		t.Errorf("first message: %+v", first)
	}
	fwd := docs[1]
	if fwd.Text != "Lighthouse to reopen\nThe trust announced the museum plans. Full story and https://trust.example/plans #heritage" {
		t.Errorf("entities not flattened: %q", fwd.Text)
	}
	if fwd.Extra["forwarded_from"] != "Coast Weekly" {
		t.Errorf("forward not recorded: %v", fwd.Extra)
	}
	if links, _ := fwd.Extra["links"].([]any); !reflect.DeepEqual(links, []any{"https://coast.example/lighthouse", "https://trust.example/plans"}) {
		t.Errorf("links = %v", fwd.Extra["links"])
	}
	if docs[2].Extra["reply_to_message_id"] != "2" {
		t.Errorf("reply not recorded: %v", docs[2].Extra)
	}
	if len(problems) != 2 {
		t.Fatalf("problems = %v", problems)
	}
	if !errors.Is(problems[0], ErrUnknownMessage) || problems[0].Record != "message 5" || !strings.Contains(problems[0].Error(), "story_reaction") {
		t.Errorf("unknown type problem = %v", problems[0])
	}
	if !errors.Is(problems[1], ErrWrongType) || problems[1].Record != "message 6" {
		t.Errorf("bad text problem = %v", problems[1])
	}
}

func TestReadTelegramBadInput(t *testing.T) {
	good := `{"type": "message", "id": 1, "date": "2023-01-01T00:00:00", "text": "A message that was read before the file broke off."}`
	tests := []struct {
		name string
		in   string
		docs int
		want error
	}{
		{"truncated after a message", `{"name": "C", "id": 9, "messages": [` + good + `, {"id": 2, "type": "mess`, 1, ErrMalformed},
		{"not an export", `{"name": "C", "items": []}`, 0, ErrMalformed},
		{"messages not an array", `{"name": "C", "messages": {}}`, 0, ErrMalformed},
		{"array at top", `[1, 2]`, 0, ErrMalformed},
		{"full account export", `{"about": "x", "chats": {"about": "y", "list": [{"name": "C", "type": "personal_chat", "id": 5, "messages": [` + good + `]}]}}`, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, _, err := readTelegramBytes(t, "x/result.json", []byte(tt.in))
			if len(docs) != tt.docs {
				t.Errorf("docs = %d, want %d", len(docs), tt.docs)
			}
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func FuzzReadTelegram(f *testing.F) {
	if b, err := os.ReadFile("testdata/telegram/result.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"chats": {"list": [{"name": "a", "messages": [{"type": "message", "text": ["x", {"type": "link", "text": "y"}]}]}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = readTelegram(context.Background(), Source{Path: "result.json", R: bytes.NewReader(b)}, Options{NoRegions: true},
			func(d doc.Document) error {
				if strings.TrimSpace(d.Text) == "" {
					t.Fatalf("empty document emitted")
				}
				return nil
			}, func(Problem) {})
	})
}

// TestTelegramExportVersions: the shapes older and newer Telegram Desktop
// versions give a message are all read.
func TestTelegramExportVersions(t *testing.T) {
	export := `{"name": "Quay Watch", "type": "public_channel", "id": 1987654321, "messages": [
 {"id": 10, "type": "message", "date": "2019-02-03T10:00:00", "from": "Quay Watch", "from_id": 1987654321,
  "text": "Older export: from_id is a number and the ferry timetable changes on Monday."},
 {"id": 11, "type": "message", "date": "2023-02-03T10:00:00", "date_unixtime": "1675418400", "from": "Quay Watch", "from_id": "channel1987654321",
  "text": ["Newer export: ", {"type": "bold", "text": "entities"}, " in an array."],
  "text_entities": [{"type": "plain", "text": "Newer export: "}, {"type": "bold", "text": "entities"}, {"type": "plain", "text": " in an array."}]},
 {"id": 12, "type": "message", "date": "2023-02-04T10:00:00", "from_id": "user42", "photo": "photos/p.jpg",
  "text": "", "text_entities": [{"type": "plain", "text": "A photo caption about the new pier, given only as entities."}]},
 {"id": 13, "type": "message", "date": "2023-02-05T10:00:00", "from_id": "user42", "file": "video.mp4",
  "caption": "A video caption in its own field."},
 {"id": 14, "type": "service", "date": "2023-02-06T10:00:00", "actor": "Quay Watch", "actor_id": 1987654321, "action": "pin_message", "text": ""},
 {"id": 15, "type": "message", "date": "2023-02-07T10:00:00", "forwarded_from": null, "forwarded_from_id": 123, "reply_to_message_id": 11,
  "text": "A forward from a hidden source, replying to 11."}
]}`
	docs, problems, err := readTelegramBytes(t, "result.json", []byte(export))
	if err != nil || len(problems) != 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
	want := map[string]string{
		"telegram:1987654321:10": "Older export: from_id is a number and the ferry timetable changes on Monday.",
		"telegram:1987654321:11": "Newer export: entities in an array.",
		"telegram:1987654321:12": "A photo caption about the new pier, given only as entities.",
		"telegram:1987654321:13": "A video caption in its own field.",
		"telegram:1987654321:15": "A forward from a hidden source, replying to 11.",
	}
	if len(docs) != len(want) {
		t.Errorf("%d documents, want %d (the service message skipped)", len(docs), len(want))
	}
	for _, d := range docs {
		if want[d.ID] != d.Text {
			t.Errorf("%s: text %q, want %q", d.ID, d.Text, want[d.ID])
		}
	}
	if docs[0].Extra["from_id"] != "1987654321" || docs[1].Date != "2023-02-03T10:00:00Z" {
		t.Errorf("first two: %+v %+v", docs[0].Extra, docs[1])
	}
}
