//! The share journal: everything a later challenge answer needs, grouped in delivery windows per
//! (upstream target, provider), each window with its share difficulty D fixed when it opens.
//!
//! A share belongs to the window its header's time (ntime) falls in, because that is what a
//! challenge checks on chain: a share counts only in the window holding its ntime, so no share can
//! be paid in two windows. Windows close `grace` after they end, so shares on jobs issued before
//! the end still reach them; a share whose window has already closed is journaled, as "late", in
//! the window it arrived in, and never counted.
//!
//! One append-only file per window, one JSON entry per line, each line prefixed with the first 8
//! hex digits of the SHA-256 of its JSON so a torn last line (a crash mid-write) is recognised and
//! cut off when the file is read or reopened. Entries: the window's header (target, provider,
//! start, end, D), each job once before the first share on it, each verified share with the
//! pool's verdict, each refused share's reason. Upstream outages go to the target's outage log
//! (`<target>/outages.log`, same line format), from which each window takes its dead time when it
//! closes, counting an ongoing outage up to the window's end.
//!
//! Durability (the fsync policy): every entry is written to the file with one `write` as soon as
//! it is known, so it survives the keeper being killed (SIGKILL) at any moment; the file is
//! `fdatasync`ed at most `sync_every` after a write and when the window closes, so a power loss
//! loses at most the last `sync_every` of entries. Summaries are written to a temporary file,
//! synced and renamed into place: a summary is either complete or absent.
//!
//! At the end of a window its summary counts the shares by outcome and takes the counted shares
//! (pool-accepted, hash meeting D; never a share credited at the difficulty its hash happens to
//! reach), sorts them by hash and commits to them with the share tree (`aihash_sdk::share_tree`,
//! the encoding the Move verifier checks). For any leaf index the journal yields the challenge
//! answer: the header and its successor's with proofs, the coinbase and its merkle branch.

use crate::difficulty::{DifficultySchedule, ShareDifficulty};
use crate::job::Job;
use crate::proxy::{ProxyEvent, ShareRecord};
use crate::upstream::Verdict;
use crate::verify::coinbase;
use aihash_sdk::share_tree::{self, Hash32, ShareTree};
use aihash_sdk::tx::{SampleAnswer, ShareCounters};
use bitcoin::block::Header;
use bitcoin::hashes::{sha256, Hash};
use bitcoin::{BlockHash, TxMerkleNode};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// How windows are cut and kept.
#[derive(Debug, Clone)]
pub struct JournalConfig {
    pub dir: PathBuf,
    /// Window length; windows start at multiples of it (Unix time).
    pub window: Duration,
    /// Most time between a write and its `fdatasync`.
    pub sync_every: Duration,
    /// How long after its end a window waits for shares timed inside it (pool jobs carry the time
    /// they were made, so shares arrive a little after the time they are stamped with).
    pub grace: Duration,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Entry {
    Window {
        target: String,
        provider: String,
        start_ms: u64,
        end_ms: u64,
        difficulty: String,
    },
    Job {
        /// What the window's shares call this job: the pool's id and a digest of its contents
        /// (a restarted pool reuses ids for other jobs). Journals written before keys existed
        /// use the id.
        #[serde(default)]
        key: String,
        id: String,
        prev_hash: String,
        coinbase1: String,
        coinbase2: String,
        branch: Vec<String>,
        version: i32,
        bits: u32,
        time: u32,
    },
    Share {
        job: String,
        worker: String,
        extranonce1: String,
        extranonce2: String,
        header: String,
        verdict: String,
        received_ms: u64,
        /// Arrived after the window of its ntime had closed: never counted.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        late: bool,
    },
    Refused {
        worker: String,
        code: i32,
    },
    Outage {
        from_ms: u64,
        to_ms: u64,
    },
}

/// A closed window: what its delivery report states.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct WindowSummary {
    pub target: String,
    pub provider: String,
    pub start_ms: u64,
    pub end_ms: u64,
    /// D in 32.32 fixed point.
    pub difficulty: String,
    /// Counted shares: pool-accepted, hash meeting D.
    pub shares: u64,
    /// `shares × D × 2^32` hashes, as a decimal string.
    pub work: String,
    pub submitted: u64,
    pub verified: u64,
    pub pool_accepted: u64,
    pub rejected_stale: u64,
    pub rejected_duplicate: u64,
    pub rejected_low_difficulty: u64,
    pub rejected_other: u64,
    pub rejected_by_pool: u64,
    /// Verified shares the pool never answered (it was down).
    pub lost: u64,
    /// Shares that arrived after the window of their ntime had closed (counted nowhere).
    #[serde(default)]
    pub late: u64,
    /// Time the pool was unreachable within the window.
    pub dead_ms: u64,
    /// The share tree's root (hex; all zeros for an empty window).
    pub root: String,
    /// The journal file the answers come from.
    pub journal: PathBuf,
}

impl WindowSummary {
    /// The report's counters, as `report::new_counters` takes them.
    pub fn counters(&self) -> ShareCounters {
        ShareCounters {
            submitted: self.submitted,
            verified: self.verified,
            pool_accepted: self.pool_accepted,
            rejected_stale: self.rejected_stale,
            rejected_duplicate: self.rejected_duplicate,
            rejected_low_difficulty: self.rejected_low_difficulty + self.rejected_other,
            rejected_by_pool: self.rejected_by_pool,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("leaf {index} is past the window's {count} counted shares")]
    NoSuchLeaf { index: u64, count: u64 },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> JournalError + '_ {
    move |source| JournalError::Io { path: path.to_owned(), source }
}

struct OpenWindow {
    path: PathBuf,
    file: File,
    end_ms: u64,
    /// Keys of the jobs already written.
    jobs: HashSet<String>,
    /// The key of each job seen in this run, by the address of its `Arc` (held here, so the
    /// address cannot be reused): a job's contents are digested once, not once per share.
    keys: HashMap<usize, (Arc<Job>, String)>,
    synced: Instant,
    dirty: bool,
}

/// The journal of one keeper.
pub struct Journal {
    config: JournalConfig,
    open: HashMap<(String, String, u64), OpenWindow>,
    /// Targets unreachable now, since when (ms).
    ongoing: HashMap<String, u64>,
    /// Where a target's windows are counted from (ms; Unix time 0 unless set): a fill's windows
    /// follow each other from the time it was attached.
    origins: HashMap<String, u64>,
}

/// The outage log of a target, next to its providers' windows.
const OUTAGES: &str = "outages.log";

/// `time` in milliseconds since the Unix epoch (0 before it).
pub(crate) fn ms(time: SystemTime) -> u64 {
    time.duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

/// A file-name-safe form of a target or provider name.
fn slug(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect()
}

impl Journal {
    /// Opens the journal in `config.dir`; windows left open by a previous run are reopened when
    /// their shares arrive, and closed by `close_due` once over.
    pub fn open(config: JournalConfig) -> Result<Self, JournalError> {
        std::fs::create_dir_all(&config.dir).map_err(io(&config.dir))?;
        Ok(Self { config, open: HashMap::new(), ongoing: HashMap::new(), origins: HashMap::new() })
    }

    fn window_path(&self, target: &str, provider: &str, start_ms: u64) -> PathBuf {
        self.config.dir.join(slug(target)).join(slug(provider)).join(format!("{start_ms}.journal"))
    }

    /// Records what the proxy reported, at the time it happened. A window opened for it counts
    /// shares at the D `difficulty` gives for the window's start (the fill's D as the chain
    /// schedules it, or in verify-only operation one D throughout): fixed when the window opens,
    /// before any of its shares is seen.
    pub fn record(
        &mut self,
        target: &str,
        event: &ProxyEvent,
        difficulty: impl Into<DifficultySchedule>,
    ) -> Result<(), JournalError> {
        let difficulty = difficulty.into();
        match event {
            ProxyEvent::Share(record) => {
                let stamped_ms = u64::from(record.header.time) * 1_000;
                let received_ms = ms(record.received);
                let origin = self.origins.get(target).copied().unwrap_or(0);
                // Counted only in a window open for it: not closed yet, not before the target's
                // windows begin (a fill counts from its attachment), and not one that has not
                // begun (a share stamped ahead must not fix a window's D before the chain's
                // schedule for that window is known).
                let late = if self.is_closed(target, &record.provider, stamped_ms) {
                    Some("arrived after its window closed")
                } else if stamped_ms < origin {
                    Some("is stamped before its target's windows begin")
                } else if self.window_start(target, stamped_ms) > received_ms {
                    Some("is stamped in a window that has not begun")
                } else {
                    None
                };
                let at = if late.is_some() { received_ms } else { stamped_ms };
                if let Some(why) = late {
                    tracing::warn!(worker = %record.worker, ntime = record.header.time, "a share {why}: journaled as late, not counted");
                }
                let late = late.is_some();
                let window = self.window(target, &record.provider, at, &difficulty)?;
                let key = window.job_key(&record.job)?;
                write(window, &share_entry(record, key, late))?;
            }
            ProxyEvent::Refused { worker, provider, rejection, at, .. } => {
                let window = self.window(target, provider, ms(*at), &difficulty)?;
                write(window, &Entry::Refused { worker: worker.clone(), code: rejection.code() })?;
            }
        }
        self.sync_due(false)
    }

    /// Opens `provider`'s window of `target` holding `at_ms` if it is not open: a window the pool
    /// was down through has no shares to open it, and its dead time must still be reported.
    pub fn touch(
        &mut self,
        target: &str,
        provider: &str,
        at_ms: u64,
        difficulty: impl Into<DifficultySchedule>,
    ) -> Result<(), JournalError> {
        let difficulty = difficulty.into();
        if !self.is_closed(target, provider, at_ms) {
            self.window(target, provider, at_ms, &difficulty)?;
        }
        Ok(())
    }

    /// Records an upstream outage of `target` (from, to) in the target's outage log, which every
    /// window of the target reads its dead time from when it closes: an outage counts in the
    /// windows it overlaps whether or not any share arrived during it.
    pub fn record_outage(
        &mut self,
        target: &str,
        from: SystemTime,
        to: SystemTime,
    ) -> Result<(), JournalError> {
        let path = self.config.dir.join(slug(target)).join(OUTAGES);
        std::fs::create_dir_all(path.parent().expect("a target directory")).map_err(io(&path))?;
        let file = OpenOptions::new().create(true).append(true).open(&path).map_err(io(&path))?;
        let mut log = OpenWindow {
            path,
            file,
            end_ms: 0,
            jobs: HashSet::new(),
            keys: HashMap::new(),
            synced: Instant::now(),
            dirty: false,
        };
        write(&mut log, &Entry::Outage { from_ms: ms(from), to_ms: ms(to) })?;
        log.file.sync_data().map_err(io(&log.path))
    }

    /// Tells the journal that `target` has been unreachable since `since` (`None`: it is up), so
    /// windows closing during an outage count it up to their end.
    pub fn set_outage(&mut self, target: &str, since: Option<SystemTime>) {
        match since {
            Some(since) => self.ongoing.insert(slug(target), ms(since)),
            None => self.ongoing.remove(&slug(target)),
        };
    }

    /// Cuts `target`'s windows from `origin_ms` on: `[origin + k × window, origin + (k+1) × window)`.
    pub fn align(&mut self, target: &str, origin_ms: u64) {
        self.origins.insert(target.to_owned(), origin_ms);
    }

    /// The start of `target`'s window holding `at_ms`.
    fn window_start(&self, target: &str, at_ms: u64) -> u64 {
        let len = i128::from(self.config.window.as_millis().max(1) as u64);
        let origin = i128::from(self.origins.get(target).copied().unwrap_or(0));
        let start = origin + (i128::from(at_ms) - origin).div_euclid(len) * len;
        start.max(0) as u64
    }

    /// Whether the window of (`target`, `provider`) holding `at_ms` has been summarised.
    fn is_closed(&self, target: &str, provider: &str, at_ms: u64) -> bool {
        let start_ms = self.window_start(target, at_ms);
        let key = (target.to_owned(), provider.to_owned(), start_ms);
        !self.open.contains_key(&key) && summary_path(&self.window_path(target, provider, start_ms)).exists()
    }

    /// The open window of (`target`, `provider`) holding time `at_ms`, opened (or reopened after a
    /// restart, its torn tail cut) if needed.
    fn window(
        &mut self,
        target: &str,
        provider: &str,
        at_ms: u64,
        difficulty: &DifficultySchedule,
    ) -> Result<&mut OpenWindow, JournalError> {
        let len = self.config.window.as_millis().max(1) as u64;
        let start_ms = self.window_start(target, at_ms);
        let key = (target.to_owned(), provider.to_owned(), start_ms);
        if !self.open.contains_key(&key) {
            let path = self.window_path(target, provider, start_ms);
            let window = if path.exists() {
                reopen(&path)?
            } else {
                std::fs::create_dir_all(path.parent().expect("a window's directory")).map_err(io(&path))?;
                let file = OpenOptions::new().create_new(true).append(true).open(&path).map_err(io(&path))?;
                let mut window = OpenWindow {
                    path,
                    file,
                    end_ms: start_ms + len,
                    jobs: HashSet::new(),
                    keys: HashMap::new(),
                    synced: Instant::now(),
                    dirty: false,
                };
                let header = Entry::Window {
                    target: target.to_owned(),
                    provider: provider.to_owned(),
                    start_ms,
                    end_ms: start_ms + len,
                    difficulty: difficulty.at(start_ms).fixed().to_string(),
                };
                write(&mut window, &header)?;
                window.file.sync_data().map_err(io(&window.path))?;
                window
            };
            self.open.insert(key.clone(), window);
        }
        Ok(self.open.get_mut(&key).expect("just opened"))
    }

    /// Syncs windows written to more than `sync_every` ago (all of them with `force`).
    pub fn sync_due(&mut self, force: bool) -> Result<(), JournalError> {
        for window in self.open.values_mut() {
            if window.dirty && (force || window.synced.elapsed() >= self.config.sync_every) {
                window.file.sync_data().map_err(io(&window.path))?;
                window.dirty = false;
                window.synced = Instant::now();
            }
        }
        Ok(())
    }

    /// Closes every window that ended at least `grace` before `now` (open ones and ones a previous
    /// run left open): writes their summaries and returns them.
    pub fn close_due(&mut self, now: SystemTime) -> Result<Vec<WindowSummary>, JournalError> {
        self.sync_due(true)?;
        let now_ms = ms(now).saturating_sub(self.config.grace.as_millis() as u64);
        let due: Vec<_> =
            self.open.iter().filter(|(_, w)| w.end_ms <= now_ms).map(|(k, _)| k.clone()).collect();
        let mut paths: Vec<PathBuf> =
            due.iter().map(|key| self.open.remove(key).expect("due").path).collect();
        for path in unsummarised(&self.config.dir)? {
            if !paths.contains(&path) {
                paths.push(path);
            }
        }
        let mut closed = vec![];
        for path in paths {
            let window = read_window(&path)?;
            let open = self.open.values().any(|w| w.path == path);
            if window.journaled.end_ms <= now_ms && !open {
                let ongoing =
                    self.ongoing.get(&slug(&window.journaled.target)).map(|since| (*since, ms(now)));
                closed.push(summarise(&path, window, ongoing)?);
            }
        }
        Ok(closed)
    }
}

impl OpenWindow {
    /// The key `job`'s shares refer to it by, its entry written before its first share.
    fn job_key(&mut self, job: &Arc<Job>) -> Result<String, JournalError> {
        let address = Arc::as_ptr(job) as usize;
        if let Some((_, key)) = self.keys.get(&address) {
            return Ok(key.clone());
        }
        let (key, entry) = job_entry(job);
        if self.jobs.insert(key.clone()) {
            write(self, &entry)?;
        }
        self.keys.insert(address, (job.clone(), key.clone()));
        Ok(key)
    }
}

fn write(window: &mut OpenWindow, entry: &Entry) -> Result<(), JournalError> {
    // One write per entry: a killed process leaves whole entries, or a torn last one.
    window.file.write_all(line(entry).as_bytes()).map_err(io(&window.path))?;
    window.dirty = true;
    Ok(())
}

/// An entry as a journal line: the first 8 hex digits of the SHA-256 of its JSON, the JSON.
fn line(entry: &Entry) -> String {
    let json = serde_json::to_string(entry).expect("entries serialise");
    let checksum = &sha256::Hash::hash(json.as_bytes()).to_string()[..8];
    format!("{checksum} {json}\n")
}

/// The job's entry and the key its shares refer to it by.
fn job_entry(job: &Job) -> (String, Entry) {
    let mut entry = Entry::Job {
        key: String::new(),
        id: job.id.clone(),
        prev_hash: hex::encode(job.prev_hash.to_byte_array()),
        coinbase1: hex::encode(&job.coinbase1),
        coinbase2: hex::encode(&job.coinbase2),
        branch: job.merkle_branch.iter().map(|n| hex::encode(n.to_byte_array())).collect(),
        version: job.version,
        bits: job.bits.to_consensus(),
        time: job.time,
    };
    let contents = serde_json::to_string(&entry).expect("entries serialise");
    let digest = sha256::Hash::hash(contents.as_bytes()).to_string();
    let job_key = format!("{}#{}", job.id, &digest[..16]);
    if let Entry::Job { key, .. } = &mut entry {
        *key = job_key.clone();
    }
    (job_key, entry)
}

fn share_entry(record: &ShareRecord, job: String, late: bool) -> Entry {
    Entry::Share {
        job,
        worker: record.worker.clone(),
        extranonce1: hex::encode(&record.extranonce1),
        extranonce2: hex::encode(&record.submission.extranonce2),
        header: hex::encode(bitcoin::consensus::serialize(&record.header)),
        verdict: match &record.verdict {
            Verdict::Accepted => "accepted".into(),
            Verdict::Rejected { code, .. } => format!("rejected {code}"),
            Verdict::Lost => "lost".into(),
        },
        received_ms: ms(record.received),
        late,
    }
}

/// The entries of a window file up to the first torn or corrupt line, and the byte length they
/// span.
fn read_entries(path: &Path) -> Result<(Vec<Entry>, u64), JournalError> {
    let file = File::open(path).map_err(io(path))?;
    let mut reader = BufReader::new(file);
    let (mut entries, mut valid) = (vec![], 0u64);
    let mut line = String::new();
    loop {
        line.clear();
        let read = reader.read_line(&mut line).map_err(io(path))?;
        if read == 0 || !line.ends_with('\n') {
            break;
        }
        let Some((checksum, json)) = line.trim_end_matches('\n').split_once(' ') else { break };
        if sha256::Hash::hash(json.as_bytes()).to_string()[..8] != *checksum {
            break;
        }
        let Ok(entry) = serde_json::from_str(json) else { break };
        entries.push(entry);
        valid += read as u64;
    }
    Ok((entries, valid))
}

/// Reopens a window a previous run left open: cuts a torn tail, remembers its jobs.
fn reopen(path: &Path) -> Result<OpenWindow, JournalError> {
    let (entries, valid) = read_entries(path)?;
    let Some(Entry::Window { end_ms, .. }) = entries.first() else {
        return Err(JournalError::Corrupt { path: path.to_owned(), reason: "no window header".into() });
    };
    let file = OpenOptions::new().append(true).open(path).map_err(io(path))?;
    file.set_len(valid).map_err(io(path))?;
    let jobs = entries
        .iter()
        .filter_map(|e| if let Entry::Job { key, id, .. } = e { Some(job_key(key, id)) } else { None })
        .collect();
    Ok(OpenWindow {
        path: path.to_owned(),
        file,
        end_ms: *end_ms,
        jobs,
        keys: HashMap::new(),
        synced: Instant::now(),
        dirty: false,
    })
}

/// A job entry's key (its id in journals written before keys existed).
fn job_key(key: &str, id: &str) -> String {
    if key.is_empty() { id } else { key }.to_owned()
}

/// Window files without a summary, anywhere under `dir`.
fn unsummarised(dir: &Path) -> Result<Vec<PathBuf>, JournalError> {
    Ok(window_files(dir)?.into_iter().filter(|path| !summary_path(path).exists()).collect())
}

/// Every window file (`<target>/<provider>/<start_ms>.journal`) below `dir`.
fn window_files(dir: &Path) -> Result<Vec<PathBuf>, JournalError> {
    let mut found = vec![];
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io(&dir)(e)),
        };
        for entry in entries {
            let path = entry.map_err(io(&dir))?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "journal") {
                found.push(path);
            }
        }
    }
    Ok(found)
}

/// The start (ms) of the window whose journal is at `journal` (`<start_ms>.journal`).
pub fn window_start_of(journal: &Path) -> Option<u64> {
    journal.file_name()?.to_str()?.strip_suffix(".journal")?.parse().ok()
}

/// Removes a window's journal and summary: no challenge can ask for its shares any more.
pub fn remove_window(journal: &Path) {
    for path in [journal.to_owned(), summary_path(journal)] {
        match std::fs::remove_file(&path) {
            Ok(()) => tracing::info!(path = %path.display(), "pruned"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => tracing::warn!(path = %path.display(), error = %e, "could not prune"),
        }
    }
}

fn summary_path(journal: &Path) -> PathBuf {
    journal.with_extension("summary.json")
}

fn write_summary(journal: &Path, summary: &WindowSummary) -> Result<(), JournalError> {
    let path = summary_path(journal);
    let temporary = journal.with_extension("summary.json.tmp");
    let mut file = File::create(&temporary).map_err(io(&temporary))?;
    file.write_all(serde_json::to_string_pretty(summary).expect("serialises").as_bytes())
        .map_err(io(&temporary))?;
    file.sync_all().map_err(io(&temporary))?;
    std::fs::rename(&temporary, &path).map_err(io(&path))?;
    if let Some(dir) = path.parent() {
        File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))?;
    }
    Ok(())
}

/// A window's journal as written: its header, its jobs and every share entry in the order written,
/// whether or not the window counts it (a share the pool accepted twice, or one whose hash misses
/// D, is there as journaled). What the keeper commits to is `summary`; this view is for tools that
/// inspect or audit a journal.
#[derive(Debug, Clone)]
pub struct JournaledWindow {
    pub target: String,
    pub provider: String,
    pub start_ms: u64,
    pub end_ms: u64,
    /// D, fixed when the window opened.
    pub difficulty: ShareDifficulty,
    /// The jobs, by the key their shares refer to them by.
    pub jobs: HashMap<String, Job>,
    pub shares: Vec<JournaledShare>,
}

/// A share entry of a window's journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournaledShare {
    /// The key of its job in [`JournaledWindow::jobs`].
    pub job: String,
    pub worker: String,
    pub extranonce1: Vec<u8>,
    pub extranonce2: Vec<u8>,
    pub header: Header,
    /// The header's hash (the leaf a counted share stands for).
    pub hash: Hash32,
    /// The pool's verdict as journaled: `accepted`, `rejected <code>` or `lost`.
    pub verdict: String,
    pub received_ms: u64,
    /// Arrived after the window of its ntime had closed.
    pub late: bool,
}

impl JournaledShare {
    pub fn is_accepted(&self) -> bool {
        self.verdict == "accepted"
    }
}

/// The window in the journal file `journal`, as written (see [`JournaledWindow`]).
pub fn entries(journal: &Path) -> Result<JournaledWindow, JournalError> {
    Ok(parse(journal)?.0)
}

impl JournaledWindow {
    /// The challenge answer for leaf `index` of `tree`, the tree over the hashes of `leaves` (shares
    /// of this window) in the order given. The keeper's own answers are this over its counted
    /// shares ([`answer`]).
    pub fn answer(
        &self,
        journal: &Path,
        leaves: &[JournaledShare],
        tree: &ShareTree,
        index: u64,
    ) -> Result<SampleAnswer, JournalError> {
        let count = leaves.len() as u64;
        let share = leaves.get(index as usize).ok_or(JournalError::NoSuchLeaf { index, count })?;
        let proof = tree.proof(index).ok_or(JournalError::NoSuchLeaf { index, count: tree.len() })?;
        let (next_header, next_proof) = match leaves.get(index as usize + 1) {
            Some(next) => (
                bitcoin::consensus::serialize(&next.header),
                tree.proof(index + 1)
                    .ok_or(JournalError::NoSuchLeaf { index: index + 1, count: tree.len() })?,
            ),
            None => (vec![], vec![]),
        };
        let job = self
            .jobs
            .get(&share.job)
            .ok_or_else(|| corrupt(journal, format!("job `{}` of a share is missing", share.job)))?;
        Ok(SampleAnswer {
            position: index,
            header: bitcoin::consensus::serialize(&share.header),
            proof: proof.iter().map(|h| h.to_vec()).collect(),
            next_header,
            next_proof: next_proof.iter().map(|h| h.to_vec()).collect(),
            coinbase: coinbase(job, &share.extranonce1, &share.extranonce2),
            branch: job.merkle_branch.iter().map(|n| n.to_byte_array().to_vec()).collect(),
        })
    }
}

/// A window read back from its file: the journal as written, its shares reduced to the counted
/// ones (the leaves of its tree, in order).
struct Window {
    journaled: JournaledWindow,
    counts: Counts,
    dead_ms: u64,
}

/// Shares of a window by outcome.
#[derive(Debug, Default)]
struct Counts {
    submitted: u64,
    verified: u64,
    pool_accepted: u64,
    stale: u64,
    duplicate: u64,
    low_difficulty: u64,
    other: u64,
    rejected_by_pool: u64,
    lost: u64,
    late: u64,
}

fn corrupt(path: &Path, reason: impl Into<String>) -> JournalError {
    JournalError::Corrupt { path: path.to_owned(), reason: reason.into() }
}

/// The window in a journal file as written, and the codes of its refused shares.
fn parse(path: &Path) -> Result<(JournaledWindow, Vec<i32>), JournalError> {
    let (entries, _) = read_entries(path)?;
    let Some(Entry::Window { target, provider, start_ms, end_ms, difficulty }) = entries.first().cloned()
    else {
        return Err(corrupt(path, "no window header"));
    };
    let difficulty = difficulty
        .parse()
        .ok()
        .and_then(ShareDifficulty::from_fixed)
        .ok_or_else(|| corrupt(path, format!("difficulty `{difficulty}`")))?;
    let hex = |text: &str| hex::decode(text).map_err(|e| corrupt(path, format!("hex `{text}`: {e}")));
    let mut window = JournaledWindow {
        target,
        provider,
        start_ms,
        end_ms,
        difficulty,
        jobs: HashMap::new(),
        shares: vec![],
    };
    let mut refused = vec![];
    for entry in entries.into_iter().skip(1) {
        match entry {
            Entry::Job { key, id, prev_hash, coinbase1, coinbase2, branch, version, bits, time } => {
                let array = |bytes: Vec<u8>| -> Result<[u8; 32], JournalError> {
                    bytes.try_into().map_err(|_| corrupt(path, "a hash that is not 32 bytes"))
                };
                let job = Job {
                    id: id.clone(),
                    prev_hash: BlockHash::from_byte_array(array(hex(&prev_hash)?)?),
                    coinbase1: hex(&coinbase1)?,
                    coinbase2: hex(&coinbase2)?,
                    merkle_branch: branch
                        .iter()
                        .map(|n| Ok(TxMerkleNode::from_byte_array(array(hex(n)?)?)))
                        .collect::<Result<_, JournalError>>()?,
                    version,
                    bits: bitcoin::CompactTarget::from_consensus(bits),
                    time,
                    clean: false,
                };
                window.jobs.insert(job_key(&key, &id), job);
            }
            Entry::Share { job, worker, extranonce1, extranonce2, header, verdict, received_ms, late } => {
                let header: Header = bitcoin::consensus::deserialize(&hex(&header)?)
                    .map_err(|e| corrupt(path, format!("a header: {e}")))?;
                window.shares.push(JournaledShare {
                    job,
                    worker,
                    extranonce1: hex(&extranonce1)?,
                    extranonce2: hex(&extranonce2)?,
                    hash: header.block_hash().to_byte_array(),
                    header,
                    verdict,
                    received_ms,
                    late,
                });
            }
            Entry::Refused { code, .. } => refused.push(code),
            Entry::Outage { .. } => {}
            Entry::Window { .. } => return Err(corrupt(path, "a second window header")),
        }
    }
    Ok((window, refused))
}

fn read_window(path: &Path) -> Result<Window, JournalError> {
    let (mut journaled, refused) = parse(path)?;
    let mut counts = Counts::default();
    let difficulty = journaled.difficulty;
    let shares = std::mem::take(&mut journaled.shares);
    for share in shares {
        counts.submitted += 1;
        counts.verified += 1;
        counts.late += u64::from(share.late);
        match share.verdict.as_str() {
            "accepted" => {
                counts.pool_accepted += 1;
                // Counted only at the window's D, fixed before it opened, and only in the window
                // its time falls in.
                if !share.late && difficulty.is_met_by(BlockHash::from_byte_array(share.hash)) {
                    journaled.shares.push(share);
                }
            }
            "lost" => counts.lost += 1,
            _ => counts.rejected_by_pool += 1,
        }
    }
    for code in refused {
        counts.submitted += 1;
        *match code {
            21 => &mut counts.stale,
            22 => &mut counts.duplicate,
            23 => &mut counts.low_difficulty,
            _ => &mut counts.other,
        } += 1;
    }
    journaled.shares.sort_by(|a, b| share_tree::value_order(&a.hash, &b.hash));
    // The same header twice (a duplicate that slipped past) is counted once.
    journaled.shares.dedup_by(|a, b| a.hash == b.hash);
    Ok(Window { journaled, counts, dead_ms: 0 })
}

/// The outages (from, to) in a target's outage log; a missing log is no outage.
fn read_outages(path: &Path) -> Result<Vec<(u64, u64)>, JournalError> {
    if !path.exists() {
        return Ok(vec![]);
    }
    let (entries, _) = read_entries(path)?;
    Ok(entries
        .into_iter()
        .filter_map(|e| if let Entry::Outage { from_ms, to_ms } = e { Some((from_ms, to_ms)) } else { None })
        .collect())
}

/// Time within `[start_ms, end_ms)` covered by the outages, each instant counted once.
fn dead_within(outages: Vec<(u64, u64)>, start_ms: u64, end_ms: u64) -> u64 {
    let mut clipped: Vec<(u64, u64)> = outages
        .into_iter()
        .map(|(from, to)| (from.max(start_ms), to.min(end_ms)))
        .filter(|(f, t)| t > f)
        .collect();
    clipped.sort_unstable();
    let (mut total, mut reach) = (0u64, 0u64);
    for (from, to) in clipped {
        let from = from.max(reach);
        if to > from {
            total += to - from;
            reach = to;
        }
    }
    total
}

impl Window {
    fn tree(&self) -> Option<ShareTree> {
        ShareTree::new(self.journaled.shares.iter().map(|c| c.hash).collect()).ok()
    }

    fn summary(&self, path: &Path) -> WindowSummary {
        let (c, w) = (&self.counts, &self.journaled);
        let shares = w.shares.len() as u64;
        WindowSummary {
            target: w.target.clone(),
            provider: w.provider.clone(),
            start_ms: w.start_ms,
            end_ms: w.end_ms,
            difficulty: w.difficulty.fixed().to_string(),
            shares,
            work: (shares as u128 * w.difficulty.fixed()).to_string(),
            submitted: c.submitted,
            verified: c.verified,
            pool_accepted: c.pool_accepted,
            rejected_stale: c.stale,
            rejected_duplicate: c.duplicate,
            rejected_low_difficulty: c.low_difficulty,
            rejected_other: c.other,
            rejected_by_pool: c.rejected_by_pool,
            lost: c.lost,
            late: c.late,
            dead_ms: self.dead_ms,
            root: hex::encode(self.tree().map_or([0; 32], |t| t.root())),
            journal: path.to_owned(),
        }
    }
}

/// The summaries of every closed window in the journal at `dir` (in no particular order). A
/// restarted keeper offers them to the chain again: a window summarised just before a crash may
/// not have been queued for its report yet.
pub fn closed_windows(dir: &Path) -> Result<Vec<WindowSummary>, JournalError> {
    window_files(dir)?.iter().filter(|path| summary_path(path).exists()).map(|path| summary(path)).collect()
}

/// Ends the closed window in `journal` at `end_ms`, before its full length: the fill it counts
/// for ended then (released, its order ended or expired), and the chain takes no window past a
/// fill's end. Shares stamped from `end_ms` on become late (journaled, counted nowhere); the
/// journal is rewritten whole (a temporary file, synced, renamed) and summarised again. Only for
/// a window not reported yet: a reported window's answers must never change. Ending a window
/// again at the same time changes nothing.
pub fn end_early(journal: &Path, end_ms: u64) -> Result<WindowSummary, JournalError> {
    let (entries, _) = read_entries(journal)?;
    let mut text = String::new();
    for mut entry in entries {
        match &mut entry {
            Entry::Window { end_ms: end, start_ms, .. } => {
                if end_ms <= *start_ms {
                    return Err(corrupt(
                        journal,
                        format!("cannot end a window starting at {start_ms} at {end_ms}"),
                    ));
                }
                *end = (*end).min(end_ms);
            }
            Entry::Share { header, late, .. } => {
                let bytes = hex::decode(&*header).map_err(|e| corrupt(journal, format!("a header: {e}")))?;
                let header: Header = bitcoin::consensus::deserialize(&bytes)
                    .map_err(|e| corrupt(journal, format!("a header: {e}")))?;
                *late |= u64::from(header.time) * 1_000 >= end_ms;
            }
            _ => {}
        }
        text.push_str(&line(&entry));
    }
    let temporary = journal.with_extension("journal.tmp");
    let mut file = File::create(&temporary).map_err(io(&temporary))?;
    file.write_all(text.as_bytes()).map_err(io(&temporary))?;
    file.sync_all().map_err(io(&temporary))?;
    std::fs::rename(&temporary, journal).map_err(io(journal))?;
    summarise(journal, read_window(journal)?, None)
}

/// Summarises the window read from `journal`, its dead time from its target's outage log (and
/// the outage `ongoing`, if any), and writes the summary beside it.
fn summarise(
    journal: &Path,
    mut window: Window,
    ongoing: Option<(u64, u64)>,
) -> Result<WindowSummary, JournalError> {
    let target_dir = journal.parent().and_then(Path::parent).expect("<target>/<provider>/<window>");
    let mut outages = read_outages(&target_dir.join(OUTAGES))?;
    outages.extend(ongoing);
    window.dead_ms = dead_within(outages, window.journaled.start_ms, window.journaled.end_ms);
    let summary = window.summary(journal);
    write_summary(journal, &summary)?;
    Ok(summary)
}

/// The summary of a closed window, as written when it closed.
pub fn summary(journal: &Path) -> Result<WindowSummary, JournalError> {
    let path = summary_path(journal);
    let text = std::fs::read_to_string(&path).map_err(io(&path))?;
    serde_json::from_str(&text).map_err(|e| corrupt(&path, e.to_string()))
}

/// The answer to a challenge's sample `index` of the window in `journal`.
pub fn answer(journal: &Path, index: u64) -> Result<SampleAnswer, JournalError> {
    Ok(answers(journal, &[index])?.remove(0))
}

/// The answers to leaves `indices` of the window in `journal`, the window read and its tree built
/// once for all of them.
pub fn answers(journal: &Path, indices: &[u64]) -> Result<Vec<SampleAnswer>, JournalError> {
    let window = read_window(journal)?;
    let count = window.journaled.shares.len() as u64;
    let tree = window.tree();
    indices
        .iter()
        .map(|&index| {
            let tree = tree.as_ref().ok_or(JournalError::NoSuchLeaf { index, count })?;
            window.journaled.answer(journal, &window.journaled.shares, tree, index)
        })
        .collect()
}
