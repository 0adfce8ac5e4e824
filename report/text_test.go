package report_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/keel-coach/keel/report"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ASCII", "Glute bridge 3 x 10", "Glute bridge 3 x 10"},
		{"Latin", "Zoë Ólafsdóttir-Łukasiewicz", "Zoë Ólafsdóttir-Łukasiewicz"},
		{"GreekCyrillic", "Ελένη Ольга", "Ελένη Ольга"},
		{"Vietnamese", "Nguyễn Thị Ánh", "Nguyễn Thị Ánh"},
		{"Punctuation", "“Hips back” – soft knees… 2–3 sets • 90°", "“Hips back” – soft knees… 2–3 sets • 90°"},
		{"ControlDropped", "a\x00b\x07c\x1bd", "abcd"},
		{"TabToSpace", "a\tb", "a b"},
		{"CRLF", "one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"},
		{"FormatCharsDropped", "soft\u00adhyphen zero\u200bwidth \u202eRTL", "softhyphen zerowidth RTL"},
		{"InvalidUTF8", "a\xffb", "a\uFFFDb"},
		{"Emoji", "strong 💪 mum", "strong \uFFFD mum"},
		{"CJK", "王芳", "\uFFFD\uFFFD"},
		{"Arabic", "فاطمة", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"PrivateUse", "x\ue000y", "x\uFFFDy"},
		{"WideSpaces", "a\u2003b\u3000c", "a b c"},
		{"NoBreakSpaceKept", "10\u00a0kg", "10\u00a0kg"},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := report.Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCanDraw(t *testing.T) {
	for _, r := range "AzÀÿŁłŒœΩωЖжẞ€–—…•°" {
		if !report.CanDraw(r) {
			t.Errorf("CanDraw(%q) = false, want true: Noto Sans has it", r)
		}
	}
	for _, r := range []rune{'王', 'ف', '💪', 0x10FFFF, -1, 0xE000} {
		if report.CanDraw(r) {
			t.Errorf("CanDraw(%U) = true, want false", r)
		}
	}
}

// FuzzSanitize checks the sanitiser's promises on any input: valid UTF-8
// out, every rune drawable (or a newline), no control characters, and a
// second pass changes nothing.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"Zoë", "a\x00\r\n\t", "💪王ف", "\xff\xfe", "\u202e\u00ad", strings.Repeat("é", 50)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := report.Sanitize(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Sanitize(%q) = %q: invalid UTF-8", s, got)
		}
		for _, r := range got {
			if r != '\n' && !report.CanDraw(r) {
				t.Fatalf("Sanitize(%q) kept %U, which the font cannot draw", s, r)
			}
		}
		if again := report.Sanitize(got); again != got {
			t.Fatalf("Sanitize is not idempotent: %q then %q", got, again)
		}
	})
}
