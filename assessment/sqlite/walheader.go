package sqlite

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
)

// walPage1 reads the write-ahead log beside a database (path+"-wal") the
// way SQLite would, without SQLite (https://www.sqlite.org/fileformat.html,
// "The WAL file format"): it follows the frames whose salts and running
// checksum are valid, up to the last commit, and returns the newest copy of
// page 1 (the header with user_version and application_id) committed in
// it. ok is false when the log holds no committed page 1.
//
// Asking SQLite instead would create a -shm file beside the database, which
// another Keel may be sharing and so could never safely be removed again.
func walPage1(path string) (page []byte, ok bool, err error) {
	f, err := os.Open(path + "-wal")
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	hdr := make([]byte, 32)
	if _, err := io.ReadFull(f, hdr); err != nil {
		return nil, false, nil // too short: no committed frame
	}
	magic := binary.BigEndian.Uint32(hdr[0:4])
	if magic != 0x377f0682 && magic != 0x377f0683 {
		return nil, false, nil
	}
	var order binary.ByteOrder = binary.LittleEndian
	if magic&1 == 1 {
		order = binary.BigEndian
	}
	pageSize := int(binary.BigEndian.Uint32(hdr[8:12]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return nil, false, nil
	}
	salt1, salt2 := binary.BigEndian.Uint32(hdr[16:20]), binary.BigEndian.Uint32(hdr[20:24])
	s0, s1 := walChecksum(order, hdr[:24], 0, 0)
	if s0 != binary.BigEndian.Uint32(hdr[24:28]) || s1 != binary.BigEndian.Uint32(hdr[28:32]) {
		return nil, false, nil
	}
	frame := make([]byte, 24+pageSize)
	var pending, committed []byte // page 1 in the open transaction, and as last committed
	for {
		if _, err := io.ReadFull(f, frame); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				break
			}
			return nil, false, err
		}
		if binary.BigEndian.Uint32(frame[8:12]) != salt1 || binary.BigEndian.Uint32(frame[12:16]) != salt2 {
			break
		}
		s0, s1 = walChecksum(order, frame[:8], s0, s1)
		s0, s1 = walChecksum(order, frame[24:], s0, s1)
		if s0 != binary.BigEndian.Uint32(frame[16:20]) || s1 != binary.BigEndian.Uint32(frame[20:24]) {
			break
		}
		if binary.BigEndian.Uint32(frame[0:4]) == 1 {
			pending = append(pending[:0], frame[24:]...)
		}
		if binary.BigEndian.Uint32(frame[4:8]) != 0 { // a commit
			if pending != nil {
				committed = append(committed[:0], pending...)
			}
		}
	}
	return committed, committed != nil, nil
}

// walChecksum continues SQLite's WAL checksum over b (a multiple of 8
// bytes) from s0, s1.
func walChecksum(order binary.ByteOrder, b []byte, s0, s1 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}
