package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
)

// Telegram Desktop exports a channel or chat as result.json: the chat's
// name, type and id, then "messages", an array of message objects. A
// full-account export nests such chats in "chats": {"list": [...]}. The
// reader streams the messages array, holding one message at a time, so a
// large channel export costs little memory.

func init() {
	Register(Format{Name: "telegram", Exts: []string{"result.json"}, Sniff: sniffTelegram, Read: readTelegram, Streams: true})
}

// sniffTelegram recognises an export by its opening keys.
func sniffTelegram(head []byte) bool {
	h := bytes.TrimSpace(bytes.TrimPrefix(head, bom))
	if !bytes.HasPrefix(h, []byte("{")) {
		return false
	}
	return bytes.Contains(h, []byte(`"messages"`)) && bytes.Contains(h, []byte(`"type"`)) ||
		bytes.Contains(h, []byte(`"about"`)) && bytes.Contains(h, []byte(`"chats"`)) ||
		bytes.Contains(h, []byte(`"personal_information"`))
}

// tgMessage is the part of an exported message echotrace reads. Exports
// of different Telegram Desktop versions give the same field different
// JSON types (from_id a number in older ones, "user123" or "channel123"
// in newer; ids as numbers or strings), so the fields that vary are
// tgStrings, which take any of them.
type tgMessage struct {
	ID               json.RawMessage `json:"id"`
	Type             tgString        `json:"type"`
	Date             tgString        `json:"date"`
	DateUnix         json.RawMessage `json:"date_unixtime"`
	Edited           tgString        `json:"edited"`
	From             tgString        `json:"from"`
	FromID           tgString        `json:"from_id"`
	Author           tgString        `json:"author"` // the signature of a channel post
	ForwardedFrom    *tgString       `json:"forwarded_from"`
	ForwardedFromID  tgString        `json:"forwarded_from_id"`
	SavedFrom        tgString        `json:"saved_from"`
	ReplyTo          json.RawMessage `json:"reply_to_message_id"`
	Text             json.RawMessage `json:"text"`
	TextEntities     json.RawMessage `json:"text_entities"`
	Caption          json.RawMessage `json:"caption"`
	Photo            tgString        `json:"photo"`
	File             tgString        `json:"file"`
	MediaType        tgString        `json:"media_type"`
	InlineBotButtons json.RawMessage `json:"inline_bot_buttons"`
}

// tgString is a field that may be a string, a number, a boolean or null
// in an export: its text, "" for null.
type tgString string

func (s *tgString) UnmarshalJSON(b []byte) error {
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return err
	}
	switch x := v.(type) {
	case string:
		*s = tgString(x)
	case json.Number:
		*s = tgString(x.String())
	case bool:
		*s = tgString(strconv.FormatBool(x))
	case nil:
		*s = ""
	default:
		// An object or array where a name was expected: its text, so
		// that the message is read rather than refused.
		*s = tgString(strings.TrimSpace(string(b)))
	}
	return nil
}

// tgChat is what is known of the chat the messages belong to.
type tgChat struct {
	Name string
	Type string
	ID   string
}

// errTelegramFormat marks a file that is JSON but not shaped like an export.
var errTelegramFormat = errors.New("not a Telegram Desktop export")

func readTelegram(ctx context.Context, src Source, opt Options, emit Emit, report Report) error {
	dec := json.NewDecoder(bufio.NewReaderSize(src.R, 64<<10))
	dec.UseNumber()
	r := tgReader{ctx: ctx, src: src, opt: opt, emit: emit, report: report, dec: dec}
	if err := r.object(func(key string) error {
		if key == "chats" || key == "left_chats" {
			return r.chatList()
		}
		return r.chatField(&r.top, key)
	}); err != nil {
		return err
	}
	if !r.sawMessages {
		return fmt.Errorf("%w: %w: no \"messages\" array found", ErrMalformed, errTelegramFormat)
	}
	return nil
}

type tgReader struct {
	ctx         context.Context
	src         Source
	opt         Options
	emit        Emit
	report      Report
	dec         *json.Decoder
	top         tgChat
	sawMessages bool
}

// syntaxErr names where in the file the JSON broke.
func (r *tgReader) syntaxErr(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("%w: JSON broken near byte %d: %v (messages before it were read)", ErrMalformed, r.dec.InputOffset(), err)
}

// object walks a JSON object, calling field for each key with the decoder
// positioned at the value; field must consume the value.
func (r *tgReader) object(field func(key string) error) error {
	t, err := r.dec.Token()
	if err != nil {
		return r.syntaxErr(err)
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("%w: %w: expected a JSON object", ErrMalformed, errTelegramFormat)
	}
	for r.dec.More() {
		t, err := r.dec.Token()
		if err != nil {
			return r.syntaxErr(err)
		}
		key, _ := t.(string)
		if err := field(key); err != nil {
			return err
		}
	}
	if _, err := r.dec.Token(); err != nil {
		return r.syntaxErr(err)
	}
	return nil
}

// skip consumes one value.
func (r *tgReader) skip() error {
	var v json.RawMessage
	if err := r.dec.Decode(&v); err != nil {
		return r.syntaxErr(err)
	}
	return nil
}

// chatField reads one field of a chat object.
func (r *tgReader) chatField(c *tgChat, key string) error {
	switch key {
	case "name", "type", "id":
		var v any
		if err := r.dec.Decode(&v); err != nil {
			return r.syntaxErr(err)
		}
		s := ""
		switch x := v.(type) {
		case string:
			s = x
		case json.Number:
			s = x.String()
		}
		switch key {
		case "name":
			c.Name = s
		case "type":
			c.Type = s
		case "id":
			c.ID = s
		}
		return nil
	case "messages":
		r.sawMessages = true
		return r.messages(*c)
	}
	return r.skip()
}

// chatList reads {"about": ..., "list": [chat, ...]} of a full export.
func (r *tgReader) chatList() error {
	return r.object(func(key string) error {
		if key != "list" {
			return r.skip()
		}
		if t, err := r.dec.Token(); err != nil {
			return r.syntaxErr(err)
		} else if d, ok := t.(json.Delim); !ok || d != '[' {
			return fmt.Errorf("%w: \"list\" of chats is not an array", ErrMalformed)
		}
		for r.dec.More() {
			var c tgChat
			if err := r.object(func(key string) error { return r.chatField(&c, key) }); err != nil {
				return err
			}
		}
		_, err := r.dec.Token()
		if err != nil {
			return r.syntaxErr(err)
		}
		return nil
	})
}

// messages streams a messages array, one message at a time.
func (r *tgReader) messages(c tgChat) error {
	t, err := r.dec.Token()
	if err != nil {
		return r.syntaxErr(err)
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("%w: \"messages\" is not an array", ErrMalformed)
	}
	for i := 0; r.dec.More(); i++ {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		var raw json.RawMessage
		if err := r.dec.Decode(&raw); err != nil {
			return r.syntaxErr(err)
		}
		record := "message #" + strconv.Itoa(i+1)
		if int64(len(raw)) > r.opt.maxBytes() {
			r.report(Problem{Path: r.src.Path, Record: record, Err: tooLarge(int64(len(raw)), r.opt.maxBytes())})
			continue
		}
		var m tgMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			r.report(Problem{Path: r.src.Path, Record: record, Err: fmt.Errorf("%w: %v", ErrWrongType, err)})
			continue
		}
		if id := strings.Trim(string(m.ID), `"`); id != "" {
			record = "message " + id
		}
		d, ok, err := telegramDocument(c, m)
		if err != nil {
			r.report(Problem{Path: r.src.Path, Record: record, Err: err})
			continue
		}
		if !ok {
			continue
		}
		if r.src.Path != "-" {
			d.Path = r.src.Path
		}
		if d.ID == "" {
			d.ID = RecordID(r.src, record, d.Text)
		}
		FinishRecord(&d, r.src, r.opt)
		if err := r.emit(d); err != nil {
			return err
		}
	}
	if _, err := r.dec.Token(); err != nil {
		return r.syntaxErr(err)
	}
	return nil
}

// ErrUnknownMessage marks a Telegram message of a type echotrace does not
// know; it is skipped.
var ErrUnknownMessage = errors.New("unknown message type")

func init() {
	addReason(ErrUnknownMessage, "unknown message type", true, false)
}

// telegramDocument makes the document of one message. ok is false for
// messages that hold no text (service messages, bare photos and files):
// nothing is lost by passing them over.
func telegramDocument(c tgChat, m tgMessage) (d doc.Document, ok bool, err error) {
	switch m.Type {
	case "message", "":
	case "service":
		return d, false, nil
	default:
		return d, false, fmt.Errorf("%w %q: skipped", ErrUnknownMessage, m.Type)
	}
	// The text is "text" (a string, or an array of strings and entities),
	// else "text_entities" (newer exports give both), else a media
	// caption.
	var text string
	var links []string
	var firstErr error
	for _, raw := range []json.RawMessage{m.Text, m.TextEntities, m.Caption} {
		t, l, err := telegramText(raw)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if err == nil && strings.TrimSpace(t) != "" {
			text, links = t, l
			break
		}
	}
	if strings.TrimSpace(text) == "" && firstErr != nil {
		return d, false, firstErr
	}
	if strings.TrimSpace(text) == "" {
		return d, false, nil
	}
	id := strings.Trim(string(m.ID), `"`)
	chat := firstNonEmpty(c.ID, c.Name)
	d = doc.Document{
		Text:   text,
		Title:  textTitle(text),
		Outlet: c.Name,
		Author: firstNonEmpty(string(m.Author), string(m.From)),
		Date:   telegramDate(m),
	}
	if chat != "" && id != "" {
		d.ID = "telegram:" + chat + ":" + id
	}
	extra := map[string]any{"telegram_message_id": id}
	if m.ForwardedFrom != nil {
		// A forward is a copy by construction: the relate stage may take
		// it as a provenance link to the named source.
		extra["forwarded_from"] = firstNonEmpty(string(*m.ForwardedFrom), "(hidden)")
		if m.ForwardedFromID != "" {
			extra["forwarded_from_id"] = string(m.ForwardedFromID)
		}
	}
	if m.SavedFrom != "" {
		extra["saved_from"] = string(m.SavedFrom)
	}
	if m.FromID != "" {
		extra["from_id"] = string(m.FromID)
	}
	if len(links) > 0 {
		l := make([]any, len(links))
		for i, s := range links {
			l[i] = s
		}
		extra["links"] = l
	}
	if r := strings.Trim(string(m.ReplyTo), `"`); r != "" && r != "null" {
		extra["reply_to_message_id"] = r
	}
	if m.Edited != "" {
		extra["edited"] = string(m.Edited)
	}
	if c.Type != "" {
		extra["telegram_chat_type"] = c.Type
	}
	if media := firstNonEmpty(string(m.Photo), string(m.File)); media != "" {
		extra["media"] = media
	}
	d.Extra = extra
	return d, true, nil
}

// telegramText flattens a message's text, a plain string or an array of
// strings and entity objects ({"type": "bold", "text": "..."}), and lists
// its links: the targets of text_link entities and the text of link
// entities.
func telegramText(raw json.RawMessage) (string, []string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil, nil
	}
	var parts []json.RawMessage
	if err := json.Unmarshal(raw, &parts); err != nil {
		return "", nil, fmt.Errorf("%w: \"text\" is neither a string nor an array", ErrWrongType)
	}
	var b strings.Builder
	var links []string
	seen := map[string]bool{}
	addLink := func(l string) {
		if l = strings.TrimSpace(l); l != "" && !seen[l] {
			seen[l] = true
			links = append(links, l)
		}
	}
	for _, p := range parts {
		if err := json.Unmarshal(p, &s); err == nil {
			b.WriteString(s)
			continue
		}
		var e struct {
			Type string `json:"type"`
			Text string `json:"text"`
			Href string `json:"href"`
		}
		if err := json.Unmarshal(p, &e); err != nil {
			return "", nil, fmt.Errorf("%w: a text entity is neither a string nor an object", ErrWrongType)
		}
		b.WriteString(e.Text)
		switch e.Type {
		case "text_link":
			addLink(e.Href)
		case "link":
			addLink(e.Text)
		}
	}
	return b.String(), links, nil
}

// telegramDate prefers the Unix time (exact, UTC) over "date", which is
// the exporting computer's local time without a zone.
func telegramDate(m tgMessage) string {
	if u := strings.Trim(string(m.DateUnix), `"`); u != "" {
		if sec, err := strconv.ParseInt(u, 10, 64); err == nil && sec > 0 {
			return time.Unix(sec, 0).UTC().Format(time.RFC3339)
		}
	}
	if _, ok := doc.ParseDate(string(m.Date)); ok {
		return string(m.Date)
	}
	return ""
}
