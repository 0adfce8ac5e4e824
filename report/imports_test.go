package report_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOnlyPDFImportsGofpdf keeps the model free of the PDF library: only
// pdf.go (and tests) may import gofpdf, and nothing in report may import
// Fyne or a database.
func TestOnlyPDFImportsGofpdf(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case strings.Contains(path, "gofpdf") && name != "pdf.go":
				t.Errorf("%s imports %s; only pdf.go may", name, path)
			case strings.HasPrefix(path, "fyne.io/"), path == "database/sql", strings.Contains(path, "sqlite3"):
				t.Errorf("%s imports %s; the handout must not depend on the UI or storage", name, path)
			}
		}
	}
}
