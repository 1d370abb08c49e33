//! The bytes behind one zip, shared by every worker thread. Each clone keeps its own position and reads with
//! positional I/O, so several threads inflate entries of the same file at once without a lock and without
//! reopening it or parsing its central directory again.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::Arc;

#[derive(Clone)]
enum Bytes {
    File(Arc<File>),
    Memory(Arc<[u8]>),
}

#[derive(Clone)]
pub struct Shared {
    bytes: Bytes,
    len: u64,
    pos: u64,
}

impl Shared {
    pub fn file(file: File) -> io::Result<Shared> {
        let len = file.metadata()?.len();
        Ok(Shared { bytes: Bytes::File(Arc::new(file)), len, pos: 0 })
    }

    pub fn memory(bytes: Arc<[u8]>) -> Shared {
        Shared { len: bytes.len() as u64, bytes: Bytes::Memory(bytes), pos: 0 }
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, at)
}

impl Read for Shared {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = match &self.bytes {
            Bytes::File(file) => read_at(file, buf, self.pos)?,
            Bytes::Memory(bytes) => {
                let start = usize::try_from(self.pos).unwrap_or(usize::MAX).min(bytes.len());
                let rest = bytes.get(start..).unwrap_or_default();
                let n = rest.len().min(buf.len());
                buf[..n].copy_from_slice(&rest[..n]);
                n
            }
        };
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Shared {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before the start"))?;
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_read_independently() {
        let mut a = Shared::memory(Arc::from(&b"abcdef"[..]));
        let mut b = a.clone();
        let mut two = [0u8; 2];
        a.seek(SeekFrom::Start(4)).unwrap();
        a.read_exact(&mut two).unwrap();
        assert_eq!(&two, b"ef");
        b.read_exact(&mut two).unwrap();
        assert_eq!(&two, b"ab");
        assert_eq!(a.read(&mut two).unwrap(), 0);
        assert!(b.seek(SeekFrom::Current(-10)).is_err());
    }
}
