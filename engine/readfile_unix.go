//go:build unix

package engine

import "syscall"

// readRegularFile reads a whole regular file of at most limit bytes with
// plain system calls: open, fstat, one read of its size and one to see its
// end. os.Open registers every file with the runtime's network poller
// first, which costs more than the read itself for a 5 KB story. Anything
// unusual (an error, not a regular file, too large, a file that grows)
// returns handled false, and the caller reads the file the general way,
// with its error messages.
func readRegularFile(path string, limit int64) (data []byte, handled bool) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > limit {
		return nil, false
	}
	data = make([]byte, st.Size)
	for n := 0; n < len(data); {
		m, err := syscall.Read(fd, data[n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, false
		case m == 0:
			return data[:n], true // shrank meanwhile
		}
		n += m
	}
	var probe [1]byte
	for {
		m, err := syscall.Read(fd, probe[:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || m != 0 {
			return nil, false // grew meanwhile
		}
		return data, true
	}
}
