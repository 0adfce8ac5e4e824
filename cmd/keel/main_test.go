package main

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"
)

// The ID a plain `go build` uses must be the one packaging reads.
func TestAppIDMatchesFyneAppToml(t *testing.T) {
	details := tomlSection(t, "../../FyneApp.toml", "Details")
	if got, want := details["ID"], AppID; got != want {
		t.Fatalf("FyneApp.toml ID = %q, cmd/keel AppID = %q", got, want)
	}
	if got, want := details["Version"], Version; got != want {
		t.Fatalf("FyneApp.toml Version = %q, cmd/keel Version = %q", got, want)
	}
}

// tomlSection reads the simple key = "value" lines of one [section].
func tomlSection(t *testing.T, path, section string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			in = line == "["+section+"]"
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && in {
			out[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return out
}

func TestHelpAndVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"version"}, &out, &errb); code != 0 {
		t.Fatalf("version exit %d: %s", code, errb.String())
	}
	if got, want := strings.TrimSpace(out.String()), "keel "+Version; got != want {
		t.Fatalf("version = %q, want %q", got, want)
	}
	out.Reset()
	if code := run([]string{"help"}, &out, &errb); code != 0 {
		t.Fatalf("help exit %d", code)
	}
	for _, c := range commands() {
		if c.name != "help" && !strings.Contains(out.String(), c.usage) {
			t.Errorf("help does not list %q:\n%s", c.usage, out.String())
		}
	}
	errb.Reset()
	if code := run([]string{"frobnicate"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "unknown command") {
		t.Fatalf("unknown command: exit %d, stderr %q", code, errb.String())
	}
}
