//! The public function signatures of a Move package, read from its sources with `move-syn`, so
//! the double refuses the calls a node would refuse: an unknown or private function, the wrong
//! number of type or value arguments, a pure value where an object goes (or the reverse), pure
//! bytes that are not a value of the parameter's type, and a shared object passed immutably to a
//! `&mut` parameter. Arguments that are results of earlier commands are not typed here.

use move_syn::unsynn::{IParse as _, ToTokens as _};
use move_syn::{ItemKind, Visibility};
use std::collections::HashMap;
use std::path::Path;
use sui_sdk_types::{Argument, Input, MoveCall, ProgrammableTransaction};

/// A value a transaction can pass as pure bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PureType {
    Bool,
    U8,
    U16,
    U32,
    U64,
    U128,
    U256,
    Address,
    String,
    Vector(Box<PureType>),
    Option(Box<PureType>),
}

/// What a parameter takes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Param {
    Pure(PureType),
    /// An object (or a value made by an earlier command): by value, `&` or `&mut`.
    Object {
        mutable: bool,
    },
    /// A type parameter by value: anything.
    Generic,
}

#[derive(Debug, Clone)]
struct Signature {
    type_params: usize,
    params: Vec<Param>,
}

/// The callable functions of one package, by module and name.
#[derive(Debug, Clone, Default)]
pub struct Signatures {
    functions: HashMap<(String, String), Signature>,
}

impl Signatures {
    /// Reads every `.move` file under `sources` (recursively).
    pub fn from_sources(sources: &Path) -> Result<Self, String> {
        let mut signatures = Self::default();
        let mut pending = vec![sources.to_owned()];
        while let Some(dir) = pending.pop() {
            let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            for entry in entries {
                let path = entry.map_err(|e| e.to_string())?.path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "move") {
                    signatures.add_file(&path)?;
                }
            }
        }
        Ok(signatures)
    }

    fn add_file(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file: move_syn::File = move_syn::sanitize_for_tokenizer(&text)
            .into_token_iter()
            .parse_all()
            .map_err(|e| format!("{} does not parse: {e}", path.display()))?;
        for module in file.into_modules() {
            let module_name = module.ident.to_string();
            for item in module.items() {
                let ItemKind::Function(function) = &item.kind else { continue };
                if !(item.visibility() == Visibility::Public || function.is_entry()) {
                    continue;
                }
                let type_params: Vec<String> = function
                    .generics()
                    .map(|g| g.to_token_stream().to_string())
                    .map(|text| type_parameter_names(&text))
                    .unwrap_or_default();
                let mut params: Vec<Param> = function
                    .arguments()
                    .map(|argument| param(&argument.type_().to_token_stream().to_string(), &type_params))
                    .collect();
                // The trailing `&mut TxContext` is supplied by the runtime, not the transaction.
                if function
                    .arguments()
                    .last()
                    .is_some_and(|a| a.type_().to_token_stream().to_string().ends_with("TxContext"))
                {
                    params.pop();
                }
                self.functions.insert(
                    (module_name.clone(), function.ident().to_string()),
                    Signature { type_params: type_params.len(), params },
                );
            }
        }
        Ok(())
    }

    /// How many callable functions are known.
    pub fn len(&self) -> usize {
        self.functions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.functions.is_empty()
    }

    /// Checks one call of the package made in `ptb`; the error says which call and argument.
    pub fn check(&self, ptb: &ProgrammableTransaction, call: &MoveCall) -> Result<(), String> {
        let name = format!("{}::{}", call.module, call.function);
        let signature = self
            .functions
            .get(&(call.module.to_string(), call.function.to_string()))
            .ok_or_else(|| format!("{name}: no public or entry function of that name"))?;
        if call.type_arguments.len() != signature.type_params {
            return Err(format!(
                "{name}: takes {} type arguments, got {}",
                signature.type_params,
                call.type_arguments.len()
            ));
        }
        if call.arguments.len() != signature.params.len() {
            return Err(format!(
                "{name}: takes {} arguments, got {}",
                signature.params.len(),
                call.arguments.len()
            ));
        }
        for (index, (argument, param)) in call.arguments.iter().zip(&signature.params).enumerate() {
            let input = match argument {
                Argument::Input(i) => ptb.inputs.get(*i as usize),
                _ => continue,
            };
            let wrong = |what: String| format!("{name}: argument {index}: {what}");
            match (input, param) {
                (Some(Input::Pure(bytes)), Param::Pure(ty)) => {
                    let rest = decode(ty, bytes).map_err(|e| wrong(format!("not a {ty:?}: {e}")))?;
                    if !rest.is_empty() {
                        return Err(wrong(format!("{} bytes too many for a {ty:?}", rest.len())));
                    }
                }
                (Some(Input::Pure(_)), Param::Object { .. }) => {
                    return Err(wrong("a pure value where an object goes".into()));
                }
                (Some(Input::Shared(shared)), Param::Object { mutable: true })
                    if shared.mutability() == sui_sdk_types::Mutability::Immutable =>
                {
                    return Err(wrong("a shared object passed immutably to a `&mut` parameter".into()));
                }
                (
                    Some(Input::Shared(_) | Input::ImmutableOrOwned(_) | Input::Receiving(_)),
                    Param::Pure(ty),
                ) => {
                    return Err(wrong(format!("an object where a {ty:?} goes")));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// `<T, phantom C: store>` -> `["T", "C"]`.
fn type_parameter_names(generics: &str) -> Vec<String> {
    generics
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .split(',')
        .filter_map(|part| {
            let part = part.trim().trim_start_matches("phantom").trim();
            let name = part.split(':').next()?.trim();
            (!name.is_empty()).then(|| name.to_owned())
        })
        .collect()
}

/// A parameter from its type as tokens, e.g. `& mut Order < C >`, `u64`, `vector < u8 >`.
fn param(type_text: &str, type_params: &[String]) -> Param {
    let compact: String = type_text.split_whitespace().collect();
    if compact.starts_with('&') {
        return Param::Object { mutable: compact.starts_with("&mut") };
    }
    if type_params.contains(&compact) {
        return Param::Generic;
    }
    match pure_type(&compact) {
        Some(ty) => Param::Pure(ty),
        None => Param::Object { mutable: false },
    }
}

fn pure_type(compact: &str) -> Option<PureType> {
    let last = |path: &str| path.rsplit("::").next().unwrap_or(path).to_owned();
    let inner = |text: &str, head: &str| -> Option<PureType> {
        let rest = text.strip_prefix(head)?.strip_prefix('<')?.strip_suffix('>')?;
        pure_type(rest)
    };
    Some(match compact {
        "bool" => PureType::Bool,
        "u8" => PureType::U8,
        "u16" => PureType::U16,
        "u32" => PureType::U32,
        "u64" => PureType::U64,
        "u128" => PureType::U128,
        "u256" => PureType::U256,
        "address" => PureType::Address,
        "ID" | "object::ID" | "sui::object::ID" => PureType::Address,
        other if last(other) == "String" => PureType::String,
        other if other.starts_with("vector<") => PureType::Vector(Box::new(inner(other, "vector")?)),
        other if other.starts_with("Option<") || other.contains("option::Option<") => {
            let start = other.find('<')?;
            PureType::Option(Box::new(pure_type(other.get(start + 1..other.len() - 1)?)?))
        }
        _ => return None,
    })
}

/// Decodes one BCS value of `ty` from the front of `bytes`; returns what follows it.
fn decode<'a>(ty: &PureType, bytes: &'a [u8]) -> Result<&'a [u8], String> {
    let take = |n: usize| bytes.get(n..).ok_or_else(|| format!("needs {n} bytes, has {}", bytes.len()));
    match ty {
        PureType::Bool => match bytes.first() {
            Some(0 | 1) => take(1),
            other => Err(format!("a bool is 0 or 1, not {other:?}")),
        },
        PureType::U8 => take(1),
        PureType::U16 => take(2),
        PureType::U32 => take(4),
        PureType::U64 => take(8),
        PureType::U128 => take(16),
        PureType::U256 | PureType::Address => take(32),
        PureType::String => {
            let (length, rest) = uleb128(bytes)?;
            let text = rest.get(..length).ok_or("the string is shorter than its length")?;
            std::str::from_utf8(text).map_err(|e| format!("not UTF-8: {e}"))?;
            Ok(&rest[length..])
        }
        PureType::Vector(element) => {
            let (length, mut rest) = uleb128(bytes)?;
            for _ in 0..length {
                rest = decode(element, rest)?;
            }
            Ok(rest)
        }
        PureType::Option(element) => match bytes.first() {
            Some(0) => take(1),
            Some(1) => decode(element, &bytes[1..]),
            other => Err(format!("an option's tag is 0 or 1, not {other:?}")),
        },
    }
}

fn uleb128(bytes: &[u8]) -> Result<(usize, &[u8]), String> {
    let mut value = 0usize;
    for (index, byte) in bytes.iter().enumerate().take(5) {
        value |= ((byte & 0x7f) as usize) << (7 * index);
        if byte & 0x80 == 0 {
            return Ok((value, &bytes[index + 1..]));
        }
    }
    Err("a malformed length".into())
}
