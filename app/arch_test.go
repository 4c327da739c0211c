package app

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The architecture of app/, as the compiler cannot state it (issue 22):
// which package of app/ each one may import. The shell (app) puts the rooms
// together and nothing imports it; the rooms (form, answer, advisor,
// transparency) never import each other; below them the store, the fields
// (key specs, form values ↔ scenario), the brand (and the colours it may set), the charts,
// the widgets and the saved scenarios' file format.
var allowedImports = map[string][]string{
	"app":              {"advisor", "after", "answer", "breakeven", "brand", "fields", "form", "giving", "store", "transparency", "widget"},
	"app/form":         {"fields", "store", "widget"},
	"app/answer":       {"brand", "chart", "fields", "store", "widget"},
	"app/advisor":      {"brand", "fields", "savedfile", "store", "widget"},
	"app/transparency": {"fields", "store", "widget"},
	"app/giving":       {"fields", "widget"},
	"app/breakeven":    {"chart", "fields", "store", "widget"},
	"app/after":        {"chart", "fields", "store", "widget"},
	"app/store":        {"fields", "widget"},
	"app/fields":       {"widget"},
	"app/savedfile":    nil,
	"app/brand":        {"csscolor"},
	"app/csscolor":     nil,
	"app/chart":        nil,
	"app/widget":       nil,
}

// goApp is go-app's import path: its Compo makes a struct a component.
const goApp = "github.com/maxence-charriere/go-app/v10/pkg/app"

// packageDirs are the directories of app/ that hold Go packages, by their
// path under the module ("app", "app/form", …).
func packageDirs(t *testing.T) map[string]string {
	t.Helper()
	dirs := map[string]string{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") {
			dirs[path.Join("app", filepath.ToSlash(filepath.Dir(p)))] = filepath.Dir(p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// Each package imports only the app/ packages its layer allows, in the
// native build and in the browser's (files behind build tags included).
func TestImportsFollowTheLayers(t *testing.T) {
	js := build.Default
	js.GOOS, js.GOARCH = "js", "wasm"
	dirs := packageDirs(t)
	for pkg, dir := range dirs {
		allowed, known := allowedImports[pkg]
		if !known {
			t.Errorf("%s is not in allowedImports: say where it stands", pkg)
			continue
		}
		for _, ctx := range []build.Context{build.Default, js} {
			p, err := ctx.ImportDir(dir, 0)
			if err != nil {
				t.Fatalf("%s (%s/%s): %v", pkg, ctx.GOOS, ctx.GOARCH, err)
			}
			if bad := badImports(p.Imports, allowed); len(bad) > 0 {
				t.Errorf("%s (%s/%s) imports %v; it may import only %v of app/", pkg, ctx.GOOS, ctx.GOARCH, bad, allowed)
			}
		}
	}
	for pkg := range allowedImports {
		if _, ok := dirs[pkg]; !ok {
			t.Errorf("allowedImports names %s, which is not a package of app/", pkg)
		}
	}
}

// badImports lists the imports of app/ packages that are not allowed.
func badImports(imports, allowed []string) []string {
	var bad []string
	for _, imp := range imports {
		if imp == "smacalc/app" {
			bad = append(bad, imp) // nothing imports the shell
			continue
		}
		if rest, ok := strings.CutPrefix(imp, "smacalc/app/"); ok && !slices.Contains(allowed, rest) {
			bad = append(bad, imp)
		}
	}
	return bad
}

// The rule itself must catch a room importing another room and anything
// importing the shell.
func TestBadImports(t *testing.T) {
	for _, c := range []struct {
		imports []string
		want    int
	}{
		{[]string{"smacalc/app/fields", "smacalc/calc", "strings"}, 0},
		{[]string{"smacalc/app/answer"}, 1},
		{[]string{"smacalc/app", "smacalc/app/form"}, 2},
	} {
		if got := badImports(c.imports, allowedImports["app/form"]); len(got) != c.want {
			t.Errorf("badImports(%v) = %v, want %d", c.imports, got, c.want)
		}
	}
}

// No component has an exported field of function type. go-app updates a
// mounted child when one of its exported fields differs from the new
// render's (reflect.DeepEqual), and two funcs never compare equal: such a
// field renders the child again on every render of its parent, whatever
// changed. Intents go up as go-app actions instead (package store).
func TestComponentsHaveNoFuncFields(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, dir := range packageDirs(t) {
		matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range matches {
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
	}
	if len(files) < 50 {
		t.Fatalf("read %d files: is the test running in app/?", len(files))
	}
	for _, bad := range funcFields(fset, files) {
		t.Error(bad)
	}
}

// funcFields lists the exported fields of function type of the structs
// that embed go-app's Compo in files: fields declared as a func, or as a
// named type declared (in any of files) as a func.
func funcFields(fset *token.FileSet, files []*ast.File) []string {
	funcTypes := map[string]bool{} // "pkg.Name" of named func types
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					if ts := s.(*ast.TypeSpec); isFunc(ts.Type) {
						funcTypes[f.Name.Name+"."+ts.Name.Name] = true
					}
				}
			}
		}
	}
	var out []string
	for _, f := range files {
		goAppName := ""
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == goApp {
				goAppName = "app"
				if imp.Name != nil {
					goAppName = imp.Name.Name
				}
			}
		}
		if goAppName == "" {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok || !embedsCompo(st, goAppName) {
				return true
			}
			for _, field := range st.Fields.List {
				if !isFunc(field.Type) && !funcTypes[typeName(f.Name.Name, field.Type)] {
					continue
				}
				for _, name := range field.Names {
					if name.IsExported() {
						out = append(out, fset.Position(name.Pos()).String()+": "+ts.Name.Name+"."+name.Name+
							" is an exported field of function type: go-app renders the component again on every render of its parent; post an action instead")
					}
				}
			}
			return true
		})
	}
	return out
}

func isFunc(e ast.Expr) bool {
	_, ok := e.(*ast.FuncType)
	return ok
}

// typeName is "pkg.Name" of a field's named type (pkg: the file's package
// for a local name), "" for other types.
func typeName(pkg string, e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return pkg + "." + t.Name
	case *ast.SelectorExpr:
		if x, ok := t.X.(*ast.Ident); ok {
			return x.Name + "." + t.Sel.Name
		}
	}
	return ""
}

// embedsCompo reports whether a struct embeds go-app's Compo (imported as
// goAppName).
func embedsCompo(st *ast.StructType, goAppName string) bool {
	for _, field := range st.Fields.List {
		if sel, ok := field.Type.(*ast.SelectorExpr); ok && len(field.Names) == 0 && sel.Sel.Name == "Compo" {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == goAppName {
				return true
			}
		}
	}
	return false
}

// The check must find a func field, named func types included, and leave
// unexported ones and non-components alone.
func TestFuncFieldsFindsThem(t *testing.T) {
	src := `package form

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type changeFunc func(ctx app.Context, key string)

type field struct {
	app.Compo
	Value    string
	OnChange changeFunc
	OnBlur   func()
	onFocus  func()
}

type notAComponent struct {
	OnChange func()
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "field.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := funcFields(fset, []*ast.File{f})
	if len(got) != 2 || !strings.Contains(got[0], "field.OnChange") || !strings.Contains(got[1], "field.OnBlur") {
		t.Errorf("funcFields = %q, want field.OnChange and field.OnBlur", got)
	}
}
