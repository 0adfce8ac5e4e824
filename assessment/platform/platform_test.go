package platform_test

import (
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/keel-coach/keel/assessment/platform"
)

// env is a fake environment for getenv.
type env map[string]string

func (e env) get(k string) string { return e[k] }

func TestDefaultDataFile(t *testing.T) {
	for _, tc := range []struct {
		name, goos string
		env        env
		want       string
	}{
		{"Windows", "windows", env{"AppData": `C:\Users\Ana Kim\AppData\Roaming`}, `C:\Users\Ana Kim\AppData\Roaming\keel\keel.db`},
		{"WindowsTrailingSlash", "windows", env{"AppData": `D:\Profiles\ana\`}, `D:\Profiles\ana\keel\keel.db`},
		{"WindowsRedirected", "windows", env{"AppData": `\\nas\users\ana\AppData\Roaming`}, `\\nas\users\ana\AppData\Roaming\keel\keel.db`},
		{"WindowsNonASCII", "windows", env{"AppData": `C:\Users\Zoë\AppData\Roaming`}, `C:\Users\Zoë\AppData\Roaming\keel\keel.db`},
		{"Linux", "linux", env{"HOME": "/home/ana"}, "/home/ana/.config/keel/keel.db"},
		{"LinuxXDG", "linux", env{"HOME": "/home/ana", "XDG_CONFIG_HOME": "/data/cfg"}, "/data/cfg/keel/keel.db"},
		{"Mac", "darwin", env{"HOME": "/Users/ana"}, "/Users/ana/Library/Application Support/keel/keel.db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := platform.DefaultDataFile(tc.goos, tc.env.get)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// A missing or partial folder is never guessed at: Keel asks for a file.
func TestDefaultDataFileErr(t *testing.T) {
	for _, tc := range []struct {
		name, goos string
		env        env
	}{
		{"WindowsNoAppData", "windows", env{"HOME": `C:\Users\ana`}},
		{"WindowsRelative", "windows", env{"AppData": `AppData\Roaming`}},
		{"WindowsDriveOnly", "windows", env{"AppData": `C:`}},
		{"WindowsDriveRelative", "windows", env{"AppData": `C:AppData`}},
		{"LinuxNoHome", "linux", env{}},
		{"LinuxRelativeXDG", "linux", env{"HOME": "/home/ana", "XDG_CONFIG_HOME": "cfg"}},
		{"MacNoHome", "darwin", env{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := platform.DefaultDataFile(tc.goos, tc.env.get); err == nil {
				t.Errorf("got %q, want an error", got)
			}
		})
	}
}

// On the machine running the test, ConfigDir agrees with the standard
// library's rules.
func TestConfigDirMatchesOS(t *testing.T) {
	want, werr := os.UserConfigDir()
	got, err := platform.ConfigDir(runtime.GOOS, os.Getenv)
	if (err == nil) != (werr == nil) || got != want {
		t.Errorf("ConfigDir = %q, %v; os.UserConfigDir = %q, %v", got, err, want, werr)
	}
	if err == nil {
		f, _ := platform.DefaultDataFile(runtime.GOOS, os.Getenv)
		if want := filepath.Join(want, "keel", "keel.db"); f != want {
			t.Errorf("DefaultDataFile = %q, want %q", f, want)
		}
	}
}

func TestFileURI(t *testing.T) {
	for _, tc := range []struct {
		name, goos, path, want string
	}{
		{"Linux", "linux", "/home/ana/.config/keel/keel.db", "file:///home/ana/.config/keel/keel.db"},
		{"LinuxSpecial", "linux", "/home/ana/50% #1? keel.db", "file:///home/ana/50%25%20%231%3F%20keel.db"},
		{"LinuxRelative", "linux", "keel.db", "file:keel.db"},
		{"LinuxBackslashIsAName", "linux", `/home/ana/a\b.db`, "file:///home/ana/a%5Cb.db"},
		{"WindowsDrive", "windows", `C:\Users\Ana Kim\AppData\Roaming\keel\keel.db`, "file:///C:/Users/Ana%20Kim/AppData/Roaming/keel/keel.db"},
		{"WindowsDriveSlashes", "windows", `C:/Users/ana/keel.db`, "file:///C:/Users/ana/keel.db"},
		{"WindowsLowerDrive", "windows", `d:\Coach Files\keel.db`, "file:///d:/Coach%20Files/keel.db"},
		{"WindowsNonASCII", "windows", `C:\Users\Zoë\keel.db`, "file:///C:/Users/Zo%C3%AB/keel.db"},
		{"WindowsShare", "windows", `\\nas\coach\keel.db`, "file:////nas/coach/keel.db"},
		{"WindowsLongPath", "windows", `\\?\C:\Users\ana\keel.db`, "file:///C:/Users/ana/keel.db"},
		{"WindowsLongShare", "windows", `\\?\UNC\nas\coach\keel.db`, "file:////nas/coach/keel.db"},
		{"WindowsSpecial", "windows", `C:\50% #1\keel.db`, "file:///C:/50%25%20%231/keel.db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := platform.FileURI(tc.goos, tc.path); got != tc.want {
				t.Errorf("FileURI(%q, %q) = %q, want %q", tc.goos, tc.path, got, tc.want)
			}
		})
	}
}

// The URI names the same file when read back: the path survives escaping.
func TestFileURIRoundTrip(t *testing.T) {
	for _, p := range []string{"/home/ana/keel.db", "/a b/50%/#?/Zoë.db", "/x/%2F/y.db"} {
		u, err := url.Parse(platform.FileURI("linux", p))
		if err != nil {
			t.Fatal(err)
		}
		if u.Host != "" || u.Path != p {
			t.Errorf("%q: host %q path %q", p, u.Host, u.Path)
		}
	}
}

func TestOpenFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("opens the file in the real viewer on Windows")
	}
	var got *url.URL
	err := platform.OpenFile("/home/ana/Zoë handout.pdf", func(u *url.URL) error { got = u; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Scheme != "file" || got.Path != "/home/ana/Zoë handout.pdf" {
		t.Errorf("opened %v", got)
	}
}
