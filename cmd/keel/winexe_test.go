package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"image"
	_ "image/png"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/keel-coach/keel/assets"
)

// Windows resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// TestWindowsExe checks the Keel.exe that `make package-windows` wrote
// (named by $KEEL_WINDOWS_EXE): a 64-bit Windows GUI program without a
// symbol table or debug information, carrying Keel's icon, the version and
// build number from FyneApp.toml, and a manifest. It reads the file's
// resource section itself, so it needs no Windows tool.
func TestWindowsExe(t *testing.T) {
	path := os.Getenv("KEEL_WINDOWS_EXE")
	if path == "" {
		t.Skip("set KEEL_WINDOWS_EXE to a Keel.exe (make package-windows does)")
	}
	f, err := pe.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine = %#x, want AMD64", f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("not a 64-bit program")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem = %d, want Windows GUI (%d): a console window would open beside Keel", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	if f.NumberOfSymbols != 0 {
		t.Errorf("%d symbols: not stripped", f.NumberOfSymbols)
	}
	for _, s := range f.Sections {
		if strings.HasPrefix(s.Name, ".debug") || strings.HasPrefix(s.Name, ".zdebug") || strings.HasPrefix(s.Name, "/") {
			t.Errorf("section %q: debug information left in", s.Name)
		}
	}

	// Only Windows' own libraries: a MinGW runtime DLL (libssp-0.dll,
	// libgcc_s, libwinpthread) would have to be shipped beside Keel.exe,
	// and without it Keel would not start.
	// (debug/pe's ImportedLibraries returns nothing for PE files; the DLL
	// names come with the imported symbols, as "symbol:DLL".)
	syms, err := f.ImportedSymbols()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var libs []string
	for _, s := range syms {
		_, dll, _ := strings.Cut(s, ":")
		dll = strings.ToLower(dll)
		if dll == "" || seen[dll] {
			continue
		}
		seen[dll] = true
		libs = append(libs, dll)
		if strings.HasPrefix(dll, "lib") {
			t.Errorf("Keel.exe needs %s, which Windows does not have", dll)
		}
	}
	if !seen["kernel32.dll"] {
		t.Errorf("imports %v: no kernel32.dll, so the import table was not read", libs)
	}

	res := readResources(t, f)
	for _, typ := range []int{rtIcon, rtGroupIcon, rtVersion, rtManifest} {
		if len(res[typ]) == 0 {
			t.Errorf("no resource of type %d", typ)
		}
	}

	// The icon: a group naming at least one image, each image one Windows
	// can draw (PNG or a bitmap), the largest at least 256 pixels wide
	// like assets/icon.png.
	if g := res[rtGroupIcon]; len(g) > 0 {
		d := g[0]
		if len(d) < 6 || binary.LittleEndian.Uint16(d[2:]) != 1 {
			t.Fatalf("group icon header %x", d[:min(6, len(d))])
		}
		n := int(binary.LittleEndian.Uint16(d[4:]))
		largest := 0
		for i := 0; i < n && 6+14*(i+1) <= len(d); i++ {
			w := int(d[6+14*i])
			if w == 0 {
				w = 256
			}
			largest = max(largest, w)
		}
		if n == 0 || largest < 256 {
			t.Errorf("group icon: %d images, largest %d px", n, largest)
		}
	}
	// The images are Keel's icon: one at least has its size.
	src, _, err := image.DecodeConfig(bytes.NewReader(assets.Icon))
	if err != nil {
		t.Fatal(err)
	}
	sameSize := false
	for i, img := range res[rtIcon] {
		switch {
		case bytes.HasPrefix(img, []byte("\x89PNG")):
			cfg, _, err := image.DecodeConfig(bytes.NewReader(img))
			if err != nil || cfg.Width < 16 {
				t.Errorf("icon image %d: %v %dx%d", i, err, cfg.Width, cfg.Height)
			}
			sameSize = sameSize || cfg.Width == src.Width && cfg.Height == src.Height
		case len(img) >= 4 && binary.LittleEndian.Uint32(img) == 40: // BITMAPINFOHEADER
		default:
			t.Errorf("icon image %d is neither PNG nor a bitmap: % x", i, img[:min(8, len(img))])
		}
	}
	if !sameSize {
		t.Errorf("no icon image of assets/icon.png's size (%dx%d)", src.Width, src.Height)
	}

	// The version: FyneApp.toml's Version and Build, as the fixed file
	// version (what Explorer's Details tab shows) and as the product
	// version string.
	details := tomlSection(t, "../../FyneApp.toml", "Details")
	want := details["Version"] + "." + details["Build"]
	if v := res[rtVersion]; len(v) > 0 {
		if got := fixedFileVersion(v[0]); got != want {
			t.Errorf("file version = %s, want %s (FyneApp.toml)", got, want)
		}
		for _, s := range []string{"ProductName", "Keel", "ProductVersion", want} {
			if !bytes.Contains(v[0], utf16le(s)) {
				t.Errorf("version information lacks %q", s)
			}
		}
	}
	if m := res[rtManifest]; len(m) > 0 && !bytes.Contains(m[0], []byte("<assembly")) {
		t.Errorf("manifest is not an assembly manifest: %.80q", m[0])
	}
	t.Logf("%s: %d icon images, version %s, imports %v", path, len(res[rtIcon]), want, libs)
}

// readResources walks the resource section's three-level tree (type, name,
// language) and returns each resource's bytes by numeric type.
func readResources(t *testing.T, f *pe.File) map[int][][]byte {
	t.Helper()
	sec := f.Section(".rsrc")
	if sec == nil {
		t.Fatal("no .rsrc section: the program carries no icon or version")
	}
	data, err := sec.Data()
	if err != nil {
		t.Fatal(err)
	}
	out := map[int][][]byte{}
	var walk func(off uint32, depth, typ int) error
	walk = func(off uint32, depth, typ int) error {
		if int(off)+16 > len(data) {
			return fmt.Errorf("directory at %#x outside the section", off)
		}
		n := int(binary.LittleEndian.Uint16(data[off+12:])) + int(binary.LittleEndian.Uint16(data[off+14:]))
		for i := 0; i < n; i++ {
			e := int(off) + 16 + 8*i
			if e+8 > len(data) {
				return fmt.Errorf("entry at %#x outside the section", e)
			}
			id := binary.LittleEndian.Uint32(data[e:])
			to := binary.LittleEndian.Uint32(data[e+4:])
			if depth == 0 {
				typ = int(id)
				if id&0x80000000 != 0 {
					typ = -1 // a named type: not one of Windows' own
				}
			}
			if to&0x80000000 != 0 {
				if err := walk(to&0x7fffffff, depth+1, typ); err != nil {
					return err
				}
				continue
			}
			if int(to)+8 > len(data) {
				return fmt.Errorf("data entry at %#x outside the section", to)
			}
			rva := binary.LittleEndian.Uint32(data[to:])
			size := binary.LittleEndian.Uint32(data[to+4:])
			start := int64(rva) - int64(sec.VirtualAddress)
			if start < 0 || start+int64(size) > int64(len(data)) {
				return fmt.Errorf("resource data at %#x (%d bytes) outside the section", rva, size)
			}
			out[typ] = append(out[typ], data[start:start+int64(size)])
		}
		return nil
	}
	if err := walk(0, 0, 0); err != nil {
		t.Fatal(err)
	}
	return out
}

// fixedFileVersion reads VS_FIXEDFILEINFO's file version as a.b.c.d.
func fixedFileVersion(v []byte) string {
	sig := []byte{0xbd, 0x04, 0xef, 0xfe} // 0xFEEF04BD
	i := bytes.Index(v, sig)
	if i < 0 || i+16 > len(v) {
		return "(no fixed file information)"
	}
	ms := binary.LittleEndian.Uint32(v[i+8:])
	ls := binary.LittleEndian.Uint32(v[i+12:])
	parts := []uint32{ms >> 16, ms & 0xffff, ls >> 16, ls & 0xffff}
	s := make([]string, len(parts))
	for j, p := range parts {
		s[j] = strconv.Itoa(int(p))
	}
	return strings.Join(s, ".")
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}
