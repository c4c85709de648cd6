/// The package version every shared object records. A package upgrade bumps `VERSION`; objects
/// still marked with an older version are refused until migrated, so retired code paths can never
/// touch them again.
module aihash::version;

#[error]
const EWrongVersion: vector<u8> =
    b"this shared object belongs to a different version of the aihash package; migrate it first";

/// The version of this build of the package.
const VERSION: u64 = 1;

/// The version new shared objects are stamped with.
public(package) fun current(): u64 { VERSION }

/// Aborts unless `version` is the version of this build.
public(package) fun assert_current(version: u64) {
    assert!(version == VERSION, EWrongVersion);
}
