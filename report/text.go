package report

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/keel-coach/keel/assets"
)

// Why a sanitiser at all: the handout font is Noto Sans, embedded as a UTF-8
// TrueType font. gofpdf only reads the font's Basic Multilingual Plane
// character map (cmap format 4), sizes its width table for 65,536 runes and
// converts text to UTF-16 without surrogate pairs, so a rune above U+FFFF
// would index past that table or be written as garbage; and a rune the font
// has no glyph for prints as an empty box. Every string therefore passes
// through Sanitize before it reaches the PDF, and Sanitize keeps a rune only
// when both faces (regular and bold) map it to a real glyph. The coverage is
// read from the fonts themselves, so it stays right if the font files are
// ever replaced: for today's Noto Sans that is Latin (with all its European
// extensions and Vietnamese), Greek, Cyrillic, IPA, general punctuation and
// currency signs; Arabic, Hebrew, CJK, Indic scripts and emoji are not in it
// and become the replacement character.

// coverage is a bit set of the BMP runes both handout faces can draw.
type coverage [65536 / 64]uint64

func (c *coverage) has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	return c[r>>6]&(1<<(uint(r)&63)) != 0
}

func (c *coverage) set(r rune) { c[r>>6] |= 1 << (uint(r) & 63) }

// fontCoverage is computed once: parsing two 450 KB fonts on every handout
// would waste time the benchmark budget needs elsewhere.
var fontCoverage = sync.OnceValue(func() *coverage {
	reg, bold := cmapCoverage(assets.FontRegular), cmapCoverage(assets.FontBold)
	var both coverage
	for i := range both {
		both[i] = reg[i] & bold[i]
	}
	return &both
})

// replacementRune is what Sanitize writes for a rune the font cannot draw:
// U+FFFD when the font has it (it does in Noto Sans), so the reader sees a
// deliberate "unknown character" sign rather than a stray question mark.
var replacementRune = sync.OnceValue(func() rune {
	if fontCoverage().has(utf8.RuneError) {
		return utf8.RuneError
	}
	return '?'
})

// CanDraw reports whether the handout font has a glyph for r in both faces.
func CanDraw(r rune) bool { return fontCoverage().has(r) }

// Sanitize returns s made safe for the handout font: invalid UTF-8 and runes
// the font has no glyph for become U+FFFD (or '?' if the font lacked it);
// control and invisible formatting characters (soft hyphens, zero-width and
// direction marks) are dropped; tabs and unusual spaces become plain spaces;
// CR and CRLF become LF. Newlines are kept for the layout to honour.
// Sanitize never panics and is idempotent.
func Sanitize(s string) string {
	if isPlainASCII(s) {
		return s
	}
	cov := fontCoverage()
	repl := replacementRune()
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // CRLF: the LF follows
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(repl)
		case r == '\u00A0':
			// A no-break space is kept when drawable: the wrapper never
			// breaks at it, which is what the writer meant.
			if cov.has(r) {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			// dropped: nothing visible to print
		case cov.has(r):
			b.WriteRune(r)
		default:
			b.WriteRune(repl)
		}
	}
	return b.String()
}

// isPlainASCII reports whether s holds only printable ASCII and newlines,
// which every font draws: the common case skips all the work above.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < ' ' && c != '\n') || c > '~' {
			return false
		}
	}
	return true
}

// cmapCoverage reads the Unicode BMP character map (format 4) of a TrueType
// font and returns the runes it maps to a glyph other than .notdef. A font
// it cannot read gives an empty set, so every non-ASCII rune is replaced
// rather than risking a crash in the PDF writer.
func cmapCoverage(font []byte) *coverage {
	var c coverage
	for r := rune(' '); r <= '~'; r++ { // any usable font draws ASCII
		c.set(r)
	}
	sub := findCmap4(font)
	if sub == nil {
		return &c
	}
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(sub) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(sub[off:])), true
	}
	segX2, ok := u16(6)
	if !ok {
		return &c
	}
	endAt, startAt := 14, 16+segX2
	deltaAt, rangeAt := 16+2*segX2, 16+3*segX2
	for seg := 0; seg < segX2; seg += 2 {
		end, ok1 := u16(endAt + seg)
		start, ok2 := u16(startAt + seg)
		delta, ok3 := u16(deltaAt + seg)
		ro, ok4 := u16(rangeAt + seg)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return &c
		}
		for code := start; code <= end && code < 0xFFFF; code++ {
			glyph := 0
			if ro == 0 {
				glyph = (code + delta) & 0xFFFF
			} else {
				g, ok := u16(rangeAt + seg + ro + 2*(code-start))
				if !ok {
					break
				}
				if g != 0 {
					glyph = (g + delta) & 0xFFFF
				}
			}
			if glyph != 0 {
				c.set(rune(code))
			}
		}
	}
	return &c
}

// findCmap4 returns the bytes of the font's Unicode format-4 cmap subtable,
// the same one gofpdf uses, or nil.
func findCmap4(font []byte) []byte {
	if len(font) < 12 {
		return nil
	}
	numTables := int(binary.BigEndian.Uint16(font[4:]))
	var cmap []byte
	for i := 0; i < numTables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil
		}
		if string(font[rec:rec+4]) == "cmap" {
			off := int(binary.BigEndian.Uint32(font[rec+8:]))
			n := int(binary.BigEndian.Uint32(font[rec+12:]))
			if off < 0 || n < 4 || off+n > len(font) || off+n < off {
				return nil
			}
			cmap = font[off : off+n]
			break
		}
	}
	if cmap == nil {
		return nil
	}
	count := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < count; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil
		}
		platform := binary.BigEndian.Uint16(cmap[rec:])
		encoding := binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if !(platform == 0 || (platform == 3 && encoding == 1)) || off+4 > len(cmap) || off < 0 {
			continue
		}
		if binary.BigEndian.Uint16(cmap[off:]) != 4 {
			continue
		}
		n := int(binary.BigEndian.Uint16(cmap[off+2:]))
		if off+n > len(cmap) {
			n = len(cmap) - off
		}
		return cmap[off : off+n]
	}
	return nil
}

// truncate shortens s to at most max runes, ending with an ellipsis, so a
// runaway custom cue or name cannot push a card past a page.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	rs := []rune(s)
	cut := strings.TrimRightFunc(string(rs[:max-1]), unicode.IsSpace)
	return cut + "…"
}

// clean sanitises, trims and truncates one piece of coach-entered text.
func clean(s string, max int) string {
	return truncate(strings.TrimSpace(Sanitize(s)), max)
}
