// Runs a subset of the Move unit tests. The builder has no filter flag, so the snapshot is rewritten:
// test functions whose `module::function` name does not contain the filter lose their test
// attributes and become ordinary functions marked `#[allow(unused_function)]` (so the compiler does
// not warn about every test left out). Everything else compiles unchanged, so test helpers in other
// files keep working.

const TEST_ATTRIBUTE = /(^|[\s,])(test|random_test|expected_failure)\s*(\(|,|$)/;

/** The index just past the `]` that closes the `[` at `open`, honouring nested brackets. */
function attributeEnd(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "[") depth++;
    else if (text[i] === "]" && --depth === 0) return i + 1;
  }
  return -1;
}

/** Lists the test functions of one Move file: their full names and the spans of their test
 * attributes. */
export function testsInFile(text) {
  const moduleName = (text.match(/\bmodule\s+[A-Za-z0-9_]+::([A-Za-z0-9_]+)/) || [])[1] ?? "?";
  const tests = [];
  let cursor = 0;
  while ((cursor = text.indexOf("#[", cursor)) >= 0) {
    // Collect a run of attribute groups separated only by whitespace.
    const groups = [];
    let at = cursor;
    while (text.startsWith("#[", at)) {
      const end = attributeEnd(text, at + 1);
      if (end < 0) break;
      groups.push({ start: at, end, body: text.slice(at + 2, end - 1) });
      at = end;
      while (/\s/.test(text[at] ?? "")) at++;
    }
    if (groups.length === 0) break;
    cursor = groups[groups.length - 1].end;
    const declaration = text.slice(at).match(/^(?:public(?:\([a-z]+\))?\s+)?(?:entry\s+)?fun\s+([A-Za-z0-9_]+)/);
    const testGroups = groups.filter((g) => TEST_ATTRIBUTE.test(g.body));
    if (declaration && testGroups.length > 0) {
      tests.push({ name: `${moduleName}::${declaration[1]}`, attributes: testGroups });
    }
  }
  return tests;
}

/** Returns the snapshot with only the tests matching `filter`, and the selected/total counts. */
export function selectTests(files, filter) {
  const selected = { ...files };
  let total = 0;
  const kept = [];
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith(".move")) continue;
    const tests = testsInFile(text);
    total += tests.length;
    const dropped = tests.filter((t) => !t.name.includes(filter));
    kept.push(...tests.filter((t) => t.name.includes(filter)).map((t) => t.name));
    const spans = dropped
      .flatMap((t) => t.attributes.map((span, i) => ({ ...span, first: i === 0 })))
      .sort((a, b) => b.start - a.start);
    let rewritten = text;
    for (const span of spans) {
      // Keep the attribute's newlines so reported line numbers stay right.
      const original = rewritten.slice(span.start, span.end);
      const newlines = original.replace(/[^\n]/g, "");
      const replacement = span.first ? `#[allow(unused_function)]${newlines}` : original.replace(/[^\n]/g, " ");
      rewritten = rewritten.slice(0, span.start) + replacement + rewritten.slice(span.end);
    }
    selected[path] = rewritten;
  }
  return { files: selected, kept, total };
}
