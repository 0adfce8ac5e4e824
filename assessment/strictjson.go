package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// StrictJSON prepares the bytes of a file Keel reads (an assessment, an
// export) for parsing. A leading byte-order mark is dropped, so a file
// saved by Notepad reads like any other. An object that names the same key
// twice is refused with the key's path ("client.name",
// "assessments[2].date"): Go's reader would silently keep the last value,
// and which of two values the coach meant is a guess Keel does not make.
//
// Text that is not valid JSON is returned unchanged, without an error, so
// the caller's parser can say where it goes wrong.
func StrictJSON(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte(utf8BOM)) // Notepad writes one; it is not JSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	dup, err := findDuplicateKey(dec, "")
	if err != nil {
		return data, nil // not JSON: the parser reports it
	}
	if dup != "" {
		return nil, FieldErrorf(EINVALID, dup, "This key appears twice; Keel cannot tell which value is meant. Keep one and try again.")
	}
	return data, nil
}

// errNotJSON stops the walk at the first token that is not JSON.
var errNotJSON = errors.New("not JSON")

// findDuplicateKey reads one value from dec and returns the path of the
// first key repeated within one object, or "".
func findDuplicateKey(dec *json.Decoder, path string) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return "", errNotJSON
		}
		return "", err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return "", nil
	}
	switch d {
	case '{':
		seen := map[string]bool{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return "", err
			}
			key, ok := kt.(string)
			if !ok {
				return "", errNotJSON
			}
			kp := key
			if path != "" {
				kp = path + "." + key
			}
			if seen[key] {
				return kp, nil
			}
			seen[key] = true
			if dup, err := findDuplicateKey(dec, kp); dup != "" || err != nil {
				return dup, err
			}
		}
	case '[':
		for i := 0; dec.More(); i++ {
			if dup, err := findDuplicateKey(dec, path+"["+strconv.Itoa(i)+"]"); dup != "" || err != nil {
				return dup, err
			}
		}
	default:
		return "", errNotJSON
	}
	if _, err := dec.Token(); err != nil { // the closing delimiter
		return "", err
	}
	return "", nil
}
