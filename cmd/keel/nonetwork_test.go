package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Keel makes no network connection: a coach's client files stay on her
// computer. This test reads every Go file of the project (tests included)
// and fails on anything that could open one:
//
//   - an import of a package whose job is the network: net (sockets),
//     net/http and its sub-packages, net/rpc, net/smtp, crypto/tls,
//     golang.org/x/net/...; net/url and net/mail are parsers only and
//     allowed;
//   - a call to fyne.LoadResourceFromURLString (which downloads);
//   - a string literal holding a web address (http://, https://, ws://,
//     wss://, ftp://), so OpenURL and storage URIs can only ever name
//     local files.
//
// Fyne and the D-Bus library link net/http and net for their own features
// (downloading a resource from a URL, the desktop's session bus over a
// local socket); `go list -deps ./cmd/keel` shows them. Keel never calls
// those features, which is what this test checks. docs/DATA.md says so.
func TestNoNetworkCode(t *testing.T) {
	root := filepath.Join("..", "..")
	forbiddenImport := func(path string) bool {
		switch {
		case path == "net", path == "net/rpc", path == "net/smtp", path == "crypto/tls":
			return true
		case path == "net/http", strings.HasPrefix(path, "net/http/"), strings.HasPrefix(path, "net/rpc/"):
			return true
		case strings.HasPrefix(path, "golang.org/x/net/"), strings.Contains(path, "websocket"), strings.Contains(path, "grpc"):
			return true
		}
		return false
	}
	webSchemes := []string{"http://", "https://", "ws://", "wss://", "ftp://"}
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "testdata", "node_modules", "dist", "bin":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		files++
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return nil
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if forbiddenImport(p) {
				t.Errorf("%s imports %s, which opens network connections", fset.Position(imp.Pos()), p)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				if x.Sel.Name == "LoadResourceFromURLString" {
					t.Errorf("%s calls %s, which downloads from the web", fset.Position(x.Pos()), x.Sel.Name)
				}
			case *ast.BasicLit:
				if x.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(x.Value)
				if err != nil {
					return true
				}
				for _, scheme := range webSchemes {
					if strings.Contains(strings.ToLower(s), scheme) && !strings.HasSuffix(path, "nonetwork_test.go") {
						t.Errorf("%s holds the web address %q", fset.Position(x.Pos()), s)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read only %d Go files from %s; the walk is not seeing the project", files, root)
	}
}
