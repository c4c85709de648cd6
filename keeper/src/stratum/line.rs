//! Reading Stratum's newline-delimited JSON with bounded memory: a line longer than the limit is
//! refused (and the connection should be dropped) instead of buffered, whatever the peer sends.

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

/// The longest line a peer may send. A `mining.notify` with a large coinbase and a full merkle
/// branch is a few KiB; anything near this limit is an attack or a bug.
pub const MAX_LINE: usize = 16 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum LineError {
    #[error("a line longer than {limit} bytes")]
    TooLong { limit: usize },
    #[error("a line still incomplete after {0:?}")]
    TooSlow(std::time::Duration),
    #[error("nothing received for {0:?}")]
    Idle(std::time::Duration),
    #[error("a line that is not UTF-8")]
    NotUtf8,
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Reads the next line (without its `\n`, and without a trailing `\r`) into `buf`; `Ok(None)` at
/// the end of the stream. Never holds more than `limit` bytes of one line. Empty lines are
/// skipped.
pub async fn read_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> Result<Option<String>, LineError> {
    loop {
        buf.clear();
        loop {
            let available = reader.fill_buf().await?;
            if available.is_empty() {
                // End of stream: a partial last line is dropped, as a peer that hangs up mid-line
                // did not send it.
                return Ok(None);
            }
            match available.iter().position(|b| *b == b'\n') {
                Some(end) => {
                    if buf.len() + end > limit {
                        return Err(LineError::TooLong { limit });
                    }
                    buf.extend_from_slice(&available[..end]);
                    reader.consume(end + 1);
                    break;
                }
                None => {
                    let taken = available.len();
                    if buf.len() + taken > limit {
                        return Err(LineError::TooLong { limit });
                    }
                    buf.extend_from_slice(available);
                    reader.consume(taken);
                }
            }
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        if buf.is_empty() {
            continue;
        }
        return String::from_utf8(std::mem::take(buf)).map(Some).map_err(|_| LineError::NotUtf8);
    }
}

/// Like [`read_line`], with time limits: the next line must start within `idle` and, once its
/// first byte arrived, end within `line` (a peer dripping bytes slowly is cut off).
pub async fn read_line_within<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
    line: std::time::Duration,
    idle: std::time::Duration,
) -> Result<Option<String>, LineError> {
    // Wait for the first byte, then give the whole line its deadline.
    match tokio::time::timeout(idle, reader.fill_buf()).await {
        Err(_) => return Err(LineError::Idle(idle)),
        Ok(Err(e)) => return Err(e.into()),
        Ok(Ok(_)) => {}
    }
    match tokio::time::timeout(line, read_line(reader, buf, limit)).await {
        Ok(result) => result,
        Err(_) => Err(LineError::TooSlow(line)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tokio::io::BufReader;

    fn read_all(input: &[u8], limit: usize, capacity: usize) -> (Vec<String>, Option<String>) {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(async {
            let mut reader = BufReader::with_capacity(capacity, input);
            let mut buf = Vec::new();
            let mut lines = vec![];
            loop {
                match read_line(&mut reader, &mut buf, limit).await {
                    Ok(Some(line)) => lines.push(line),
                    Ok(None) => return (lines, None),
                    Err(e) => return (lines, Some(e.to_string())),
                }
                assert!(buf.capacity() <= limit.max(capacity) * 2 + 64, "bounded buffer");
            }
        })
    }

    #[test]
    fn lines_split_on_newlines_and_long_ones_are_refused() {
        let (lines, end) = read_all(b"{\"a\":1}\r\n\n{\"b\":2}\npartial", 64, 4);
        assert_eq!(lines, ["{\"a\":1}", "{\"b\":2}"]);
        assert_eq!(end, None);
        let long = [vec![b'x'; 100], b"\n".to_vec()].concat();
        let (lines, end) = read_all(&long, 64, 8);
        assert!(lines.is_empty());
        assert_eq!(end.as_deref(), Some("a line longer than 64 bytes"));
        let (_, end) = read_all(b"\xff\xfe\n", 64, 8);
        assert_eq!(end.as_deref(), Some("a line that is not UTF-8"));
    }

    #[tokio::test]
    async fn slow_and_silent_peers_are_cut_off() {
        use std::time::Duration;
        use tokio::io::AsyncWriteExt;
        let (mut peer, keeper) = tokio::io::duplex(64);
        let mut reader = BufReader::new(keeper);
        let mut buf = Vec::new();
        let (line, idle) = (Duration::from_millis(200), Duration::from_millis(300));
        // Silent: cut off after the idle time.
        let silent = read_line_within(&mut reader, &mut buf, 64, line, idle).await;
        assert!(matches!(silent, Err(LineError::Idle(_))), "{silent:?}");
        // Dripping: one byte every 50 ms never finishes a line within 200 ms.
        let drip = tokio::spawn(async move {
            for _ in 0..20 {
                if peer.write_all(b"x").await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            peer
        });
        let slow = read_line_within(&mut reader, &mut buf, 64, line, idle).await;
        assert!(matches!(slow, Err(LineError::TooSlow(_))), "{slow:?}");
        drop(drip);
        // A whole line in time is read.
        let (mut peer, keeper) = tokio::io::duplex(64);
        let mut reader = BufReader::new(keeper);
        peer.write_all(b"{\"id\":1}\n").await.unwrap();
        let read = read_line_within(&mut reader, &mut buf, 64, line, idle).await.unwrap();
        assert_eq!(read.as_deref(), Some("{\"id\":1}"));
    }

    proptest! {
        /// Whatever arrives, in whatever chunking: no panic, every line within the limit comes out
        /// exactly, and a line over it stops the reading with `TooLong`.
        #[test]
        fn any_input_is_read_safely(input in proptest::collection::vec(prop_oneof![Just(b'\n'), any::<u8>()], 0..600), limit in 1usize..80, capacity in 1usize..32) {
            let (lines, end) = read_all(&input, limit, capacity);
            let mut expected = vec![];
            let mut stopped = None;
            let complete = match input.iter().rposition(|b| *b == b'\n') { Some(i) => &input[..=i], None => &input[..0] };
            for raw in complete.split(|b| *b == b'\n').take(complete.iter().filter(|b| **b == b'\n').count()) {
                if raw.len() > limit { stopped = Some("too long".to_owned()); break; }
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                if raw.is_empty() { continue; }
                match String::from_utf8(raw.to_vec()) { Ok(line) => expected.push(line), Err(_) => { stopped = Some("utf8".into()); break; } }
            }
            // A partial last line over the limit also stops the reading.
            if stopped.is_none() && input.len() - complete.len() > limit { stopped = Some("too long".into()); }
            prop_assert_eq!(&lines, &expected);
            prop_assert_eq!(end.is_some(), stopped.is_some(), "{:?} vs {:?}", end, stopped);
        }
    }
}
