package crosslang

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Reading a large FreeDict dictionary (German–English: 100 MB of text,
// half a million entries) takes seconds, more than finding the
// translations of ten thousand articles. What is read is kept in the
// user's cache directory, in a compact form named after the size and time
// of the dictionary's files, and read from there in a few milliseconds
// while the dictionary is unchanged. The cache is derived from the
// installed files on the user's machine and is never part of echotrace.

const dictCacheMagic = "echotrace-dictionary-cache-1\n"

// dictCachePath names the cache of a dictionary by its files' size and
// modification time, or "" when there is no cache directory or the
// files cannot be read.
func dictCachePath(cacheDir, base string) string {
	if cacheDir == "" {
		return ""
	}
	var size, mtime int64
	for _, p := range []string{base + ".index", base + ".dict.dz", base + ".dict"} {
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		size += fi.Size()
		mtime = max(mtime, fi.ModTime().UnixNano())
	}
	if size == 0 {
		return ""
	}
	return filepath.Join(cacheDir, fmt.Sprintf("%s-%d-%d.bin", filepath.Base(base), size, mtime))
}

// writeDictCache writes d to path (through a temporary file, so a reader
// never sees half of it).
func writeDictCache(path string, d *Dictionary) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".dict-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriter(f)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { w.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	w.WriteString(dictCacheMagic)
	uv(uint64(len(d.lang)))
	w.WriteString(d.lang)
	uv(uint64(len(d.words)))
	for word, v := range d.words {
		uv(uint64(len(word)))
		w.WriteString(word)
		uv(v)
	}
	uv(uint64(len(d.keys)))
	for _, k := range d.keys {
		binary.LittleEndian.PutUint64(buf[:8], k)
		w.Write(buf[:8])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

var errBadCache = errors.New("not a dictionary cache")

// readDictCache reads a dictionary written by writeDictCache.
func readDictCache(path string) (*Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	magic := make([]byte, len(dictCacheMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != dictCacheMagic {
		return nil, errBadCache
	}
	str := func() (string, error) {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 1<<16 {
			return "", errBadCache
		}
		b := make([]byte, n)
		_, err = io.ReadFull(r, b)
		return string(b), err
	}
	lang, err := str()
	if err != nil {
		return nil, err
	}
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<26 {
		return nil, errBadCache
	}
	d := &Dictionary{lang: lang, words: make(map[string]uint64, n)}
	for i := uint64(0); i < n; i++ {
		w, err := str()
		if err != nil {
			return nil, errBadCache
		}
		if d.words[w], err = binary.ReadUvarint(r); err != nil {
			return nil, errBadCache
		}
	}
	nk, err := binary.ReadUvarint(r)
	if err != nil || nk > 1<<28 {
		return nil, errBadCache
	}
	d.keys = make([]uint64, nk)
	if err := binary.Read(r, binary.LittleEndian, d.keys); err != nil {
		return nil, errBadCache
	}
	for _, v := range d.words {
		if off, cnt := v>>16, v&(properBit-1); off+cnt > nk {
			return nil, errBadCache
		}
	}
	return d, nil
}
