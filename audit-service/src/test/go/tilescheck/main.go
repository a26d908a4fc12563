// tilescheck reads the audit log through the C2SP tlog-tiles API with Go's own transparency-log
// client code (golang.org/x/mod/sumdb/tlog and sumdb/note, as Debian packages them), written
// without knowledge of this repository. It verifies the checkpoint's signature, authenticates the
// tiles against the signed root, proves every entry's inclusion, and proves that the tree of size
// `old` is a prefix of the checkpoint's tree.
//
// Usage: tilescheck <prefix URL> <bearer token> <verifier key> <old size>
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type tiles struct {
	prefix, token string
}

func (t *tiles) get(path string) ([]byte, error) {
	req, err := http.NewRequest("GET", t.prefix+"/"+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+t.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return body, nil
}

func (t *tiles) Height() int { return 8 }

// ReadTiles maps Go's tile path (tile/H/L/N[.p/W]) to C2SP's, which leaves out the height.
func (t *tiles) ReadTiles(list []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(list))
	for i, tile := range list {
		path := strings.Replace(tile.Path(), "tile/8/", "tile/", 1)
		body, err := t.get(path)
		if err != nil {
			return nil, err
		}
		data[i] = body
	}
	return data, nil
}

func (t *tiles) SaveTiles([]tlog.Tile, [][]byte) {}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "tilescheck: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 5 {
		fail("usage: tilescheck <prefix URL> <bearer token> <verifier key> <old size>")
	}
	client := &tiles{prefix: strings.TrimSuffix(os.Args[1], "/"), token: os.Args[2]}
	verifier, err := note.NewVerifier(os.Args[3])
	if err != nil {
		fail("verifier key: %v", err)
	}
	old, err := strconv.ParseInt(os.Args[4], 10, 64)
	if err != nil {
		fail("old size: %v", err)
	}

	raw, err := client.get("checkpoint")
	if err != nil {
		fail("%v", err)
	}
	signed, err := note.Open(raw, note.VerifierList(verifier))
	if err != nil {
		fail("checkpoint signature: %v", err)
	}
	lines := strings.Split(signed.Text, "\n")
	if len(lines) < 4 || lines[0] != verifier.Name() {
		fail("checkpoint body %q", signed.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("checkpoint size: %v", err)
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		fail("checkpoint root %q", lines[2])
	}
	var tree tlog.Tree
	tree.N = size
	copy(tree.Hash[:], root)

	reader := tlog.TileHashReader(tree, client)
	computed, err := tlog.TreeHash(size, reader)
	if err != nil || computed != tree.Hash {
		fail("root from the tiles: %v (%v)", computed, err)
	}

	checked := int64(0)
	for start := int64(0); start < size; start += 256 {
		width := size - start
		if width > 256 {
			width = 256
		}
		bundle := tlog.Tile{H: 8, L: 0, N: start / 256, W: int(width)}
		path := strings.Replace(bundle.Path(), "tile/8/0/", "tile/entries/", 1)
		body, err := client.get(path)
		if err != nil {
			fail("%v", err)
		}
		buf := bytes.NewReader(body)
		for i := int64(0); i < width; i++ {
			var length uint16
			if err := binary.Read(buf, binary.BigEndian, &length); err != nil {
				fail("bundle %s: %v", path, err)
			}
			entry := make([]byte, length)
			if _, err := io.ReadFull(buf, entry); err != nil {
				fail("bundle %s: %v", path, err)
			}
			index := start + i
			proof, err := tlog.ProveRecord(size, index, reader)
			if err != nil {
				fail("proof of %d: %v", index, err)
			}
			if err := tlog.CheckRecord(proof, size, tree.Hash, index, tlog.RecordHash(entry)); err != nil {
				fail("entry %d: %v", index, err)
			}
			checked++
		}
		if buf.Len() != 0 {
			fail("bundle %s has %d bytes too many", path, buf.Len())
		}
	}

	oldHash, err := tlog.TreeHash(old, reader)
	if err != nil {
		fail("tree of size %d: %v", old, err)
	}
	consistency, err := tlog.ProveTree(size, old, reader)
	if err != nil {
		fail("consistency proof: %v", err)
	}
	if err := tlog.CheckTree(consistency, size, tree.Hash, old, oldHash); err != nil {
		fail("consistency %d -> %d: %v", old, size, err)
	}
	sum := sha256.Sum256(raw)
	fmt.Printf("ok size=%d entries=%d old=%d oldRoot=%s checkpoint=%x\n",
		size, checked, old, base64.StdEncoding.EncodeToString(oldHash[:]), sum[:4])
}
