//go:build unix

package engine

import "syscall"

// readRegularFile reads a whole regular file of at most limit bytes with
// plain system calls: open, fstat and one read of the size fstat gave (an
// empty file is read once more, as /proc's files say they are empty).
// When the folder listing has found the file regular and of size listed
// (above 0), the fstat is left out: one byte more than that is asked for,
// and a file that has grown since it was listed is left to the general
// reader. (On this kind of machine a system call costs several
// microseconds, and a 5 KB story takes about thirty to check.) os.Open
// registers every file with the runtime's network poller first, which
// costs more than the read itself for a 5 KB story. Anything unusual (an
// error, not a regular file, too large, an "empty" file with something in
// it) returns handled false, and the caller reads the file the general
// way, with its error messages.
func readRegularFile(path string, limit, listed int64) (data []byte, handled bool) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	size := listed
	if listed <= 0 || listed > limit {
		var st syscall.Stat_t
		if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > limit {
			return nil, false
		}
		size, listed = st.Size, 0
	}
	want := size
	if listed > 0 {
		want++ // the byte that tells a file that grew since it was listed
	}
	data = make([]byte, want)
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
		if listed > 0 && int64(n) == size {
			return data[:n], true // all it held when listed: a short read is its end
		}
	}
	if listed > 0 {
		return nil, false // grew since it was listed
	}
	if len(data) > 0 {
		// the size fstat gave is the snapshot read; only an empty
		// regular file (as /proc has) is read on to see its end
		return data, true
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
