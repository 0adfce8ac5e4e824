package atomicfile

// Windows error codes (winerror.h) Write meets when another program holds
// the file open.
const (
	winAccessDenied     = 5
	winSharingViolation = 32
	winLockViolation    = 33
	winUserMappedFile   = 1224
)

// windowsReason words a Windows error code, or returns "" for Reason's
// usual words. A PDF viewer that shows the handout keeps it open, and
// Windows will not replace an open file: the rename fails with a sharing
// violation or, more often, "access denied", which alone would read as a
// folder she may not write to.
func windowsReason(code uintptr) string {
	switch code {
	case winSharingViolation, winLockViolation, winUserMappedFile:
		return "another program has the file open; close it there (a PDF viewer or a spreadsheet, perhaps) and save again"
	case winAccessDenied:
		return "Windows refused to replace it; if the file is open in another program (a PDF viewer, perhaps), close it there and save again, otherwise choose another folder"
	}
	return ""
}
