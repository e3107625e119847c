//! `cargo run -p xtask -- build-frontend`: the wasm portal in `frontend/dist`, as trunk would
//! build it, without trunk (whose own compile took seven of the first run's minutes).
//!
//! 1. `cargo build` of the two bundles of `portal-frontend` (the portal, and the editors'
//!    console) for `wasm32-unknown-unknown` with the size-optimised `wasm-release` profile;
//! 2. wasm-bindgen, as a library at the version the frontend pins, for the `web` target;
//! 3. `wasm-opt -Oz` (binaryen from npm, put on `PATH` by `just`), when it is there;
//! 4. `index.html` (the portal) and `console.html` (the console) from `frontend/index.html`: trunk's `data-trunk` links replaced by the
//!    bootstrap module script and the hashed file names, so caches never serve a stale file.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use anyhow::{bail, Context};
use sha2::{Digest, Sha256};

/// What wasm-opt may assume of the browsers the portal supports (the features Rust 1.95 emits).
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

fn main() -> anyhow::Result<()> {
    match std::env::args().nth(1).as_deref() {
        Some("build-frontend") => build_frontend(),
        _ => bail!("usage: cargo run -p xtask -- build-frontend"),
    }
}

/// The checkout being built: the nearest folder around the current one that holds the frontend
/// (`just` and `cargo run` start there). The path compiled in is only the fallback: a target
/// folder shared by two checkouts (CI's, kept outside the clone) hands one checkout the xtask
/// compiled in the other, and cargo does not rebuild it.
fn workspace_root() -> anyhow::Result<PathBuf> {
    let here = std::env::current_dir().context("reading the current folder")?;
    if let Some(root) = here.ancestors().find(|folder| {
        folder.join("Cargo.toml").is_file() && folder.join("frontend/index.html").is_file()
    }) {
        return Ok(root.to_path_buf());
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .context("the xtask crate lives in the workspace")
}

/// The two apps: the portal every reader loads, and the editors' console (loaded only under
/// `/admin`, from the page the server answers there), each with its page.
const BUNDLES: &[Bundle] = &[
    Bundle {
        bin: "portal-frontend",
        page: "index.html",
    },
    Bundle {
        bin: "portal-console",
        page: "console.html",
    },
];

/// The flags that rebuild the standard library with the bundle: what `wasm-release` does for
/// our crates (size first, panics abort at once) then reaches std's own code too. The prebuilt
/// std keeps every panic's message and location and the formatting machinery that prints them,
/// which the browser never shows a reader: measured on the portal bundle, 242 -> 220 KB gzipped
/// (604 -> 543 KB of wasm). Both are unstable cargo and rustc features, opened on the stable
/// compiler by `RUSTC_BOOTSTRAP` for this one build only; `std_for_size_unavailable` checks
/// that the compiler at hand takes them, and without them the build goes on as before.
const STD_FOR_SIZE_RUSTFLAGS: &str = "-Zunstable-options -Cpanic=immediate-abort";
const STD_FOR_SIZE_CRATES: &str = "std,panic_abort";

fn rebuild_std_for_size(build: &mut Command) {
    build
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", STD_FOR_SIZE_CRATES)
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            STD_FOR_SIZE_RUSTFLAGS,
        );
}

/// Why std cannot be rebuilt for size here, if it cannot: its sources must be installed
/// (`rustup component add rust-src`, which `just setup-frontend` does), rustc must know the
/// immediate-abort panic strategy, and no `RUSTFLAGS` may be set (cargo would take them
/// instead of the target's flags, and build std without the strategy).
fn std_for_size_unavailable() -> Option<&'static str> {
    if ["RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS"]
        .iter()
        .any(|name| std::env::var_os(name).is_some())
    {
        return Some("RUSTFLAGS is set");
    }
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = Command::new(&rustc).args(["--print", "sysroot"]).output();
    let Ok(sysroot) = sysroot else {
        return Some("rustc did not answer");
    };
    let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    if !sysroot
        .join("lib/rustlib/src/rust/library/std/Cargo.toml")
        .is_file()
    {
        return Some("the rust-src component is not installed");
    }
    let probe = Command::new(&rustc)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["--print", "cfg", "--target", "wasm32-unknown-unknown"])
        .args(STD_FOR_SIZE_RUSTFLAGS.split(' '))
        .output();
    if probe.is_ok_and(|probe| probe.status.success()) {
        None
    } else {
        Some("this rustc lacks -Cpanic=immediate-abort (1.91 or newer has it)")
    }
}

/// `cargo build` of the bundles for the browser, size first.
fn wasm_build(root: &Path, target_dir: &Path) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build.current_dir(root).args([
        "build",
        "--locked",
        "-p",
        "portal-frontend",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
        "--target-dir",
    ]);
    build.arg(target_dir);
    for bundle in BUNDLES {
        build.args(["--bin", bundle.bin]);
    }
    build
}

struct Bundle {
    bin: &'static str,
    page: &'static str,
}

fn build_frontend() -> anyhow::Result<()> {
    let root = workspace_root()?;
    // A folder of its own: the wasm build shares no compiled crate with the host builds (its
    // profile and target differ), and without the shared lock `just run` can compile the
    // server beside it.
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("wasm");
    let build = |std_for_size: bool| -> anyhow::Result<bool> {
        let mut build = wasm_build(&root, &target_dir);
        if std_for_size {
            rebuild_std_for_size(&mut build);
        }
        let status = build.status().context("running cargo for the wasm build")?;
        Ok(status.success())
    };
    let built = match std_for_size_unavailable() {
        None => {
            build(true)? || {
                // Rebuilding std reads its own dependencies from the registry, which a
                // vendored or offline setup may not offer: the plain build still works.
                eprintln!("the wasm build with std rebuilt for size failed; building without");
                build(false)?
            }
        }
        Some(why) => {
            eprintln!(
                "the standard library is not rebuilt for size ({why}): the bundles are about \
                 22 KB (gzipped) larger"
            );
            build(false)?
        }
    };
    if !built {
        bail!("the wasm build failed");
    }

    let frontend = root.join("frontend");
    let dist = frontend.join("dist");
    let fresh = frontend.join(".dist-new");
    if fresh.exists() {
        fs::remove_dir_all(&fresh)?;
    }
    fs::create_dir_all(&fresh)?;
    let css = fs::read(frontend.join("style.css"))?;
    let css_name = format!("style-{}.css", short_hash(&[&css]));
    write_content_named(&fresh.join(&css_name), &css)?;
    let template = fs::read_to_string(frontend.join("index.html"))?;
    // The bundles are finished side by side: wasm-opt and the best-level compression each keep
    // one core busy, and the machines this runs on have two.
    let sizes = std::thread::scope(|scope| {
        let finishing: Vec<_> = BUNDLES
            .iter()
            .map(|bundle| {
                let (target_dir, fresh, template, css_name) =
                    (&target_dir, &fresh, &template, &css_name);
                scope.spawn(move || finish_bundle(bundle, target_dir, fresh, template, css_name))
            })
            .collect();
        finishing
            .into_iter()
            .map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a bundle's thread panicked")))
            })
            .collect::<anyhow::Result<Vec<String>>>()
    })?;
    for bundle in BUNDLES {
        let snippets = staging_dir(&target_dir, bundle).join("snippets");
        if snippets.is_dir() {
            copy_dir(&snippets, &fresh.join("snippets"))?;
        }
    }
    if dist.exists() {
        fs::remove_dir_all(&dist)?;
    }
    fs::rename(&fresh, &dist)?;
    println!("built {}:", dist.display());
    for line in sizes {
        println!("  {line}");
    }
    Ok(())
}

fn staging_dir(target_dir: &Path, bundle: &Bundle) -> PathBuf {
    target_dir.join("xtask-frontend").join(bundle.bin)
}

/// Generates one bundle's JavaScript glue, optimises its wasm, writes both content-named with
/// their compressed copies and its page into `fresh`; returns the line giving its sizes.
fn finish_bundle(
    bundle: &Bundle,
    target_dir: &Path,
    fresh: &Path,
    template: &str,
    css_name: &str,
) -> anyhow::Result<String> {
    let wasm = target_dir
        .join("wasm32-unknown-unknown/wasm-release")
        .join(format!("{}.wasm", bundle.bin));
    let staging = staging_dir(target_dir, bundle);
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .out_name(bundle.bin)
        .typescript(false)
        .generate(&staging)
        .with_context(|| format!("generating the JavaScript glue of {}", bundle.bin))?;
    let bg = staging.join(format!("{}_bg.wasm", bundle.bin));
    optimise(&bg)?;

    let js = fs::read(staging.join(format!("{}.js", bundle.bin)))?;
    let wasm_bytes = fs::read(&bg)?;
    let js_name = format!("{}-{}.js", bundle.bin, short_hash(&[&js, &wasm_bytes]));
    let wasm_name = js_name.replace(".js", "_bg.wasm");
    write_content_named(&fresh.join(&js_name), &js)?;
    let on_the_wire = write_content_named(&fresh.join(&wasm_name), &wasm_bytes)?;
    fs::write(
        fresh.join(bundle.page),
        page(template, &js_name, &wasm_name, css_name)?,
    )?;
    Ok(format!(
        "{} {} KB of wasm ({} KB gzipped, {} KB brotli) + {} KB of JS ({} KB gzipped)",
        bundle.bin,
        wasm_bytes.len() / 1024,
        on_the_wire.gzip / 1024,
        on_the_wire.brotli / 1024,
        js.len() / 1024,
        gzipped(&js)?.len() / 1024,
    ))
}

/// The sizes a content-named file crosses the network at.
struct Compressed {
    gzip: usize,
    brotli: usize,
}

/// Writes a content-named file with its gzip and brotli copies at their best levels beside it
/// (`.gz`, `.br`): the server sends the one the browser accepts (`pages::assets`), so no
/// request pays for compressing, and the wasm is smaller than on-the-fly compression makes it.
fn write_content_named(path: &Path, bytes: &[u8]) -> anyhow::Result<Compressed> {
    fs::write(path, bytes)?;
    let gzip = gzipped(bytes)?;
    fs::write(with_suffix(path, "gz"), &gzip)?;
    let mut brotli = Vec::new();
    let parameters = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &parameters)?;
    fs::write(with_suffix(path, "br"), &brotli)?;
    Ok(Compressed {
        gzip: gzip.len(),
        brotli: brotli.len(),
    })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn gzipped(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// `wasm-opt -Oz` in place, when binaryen is installed; without it the portal is larger but
/// works.
fn optimise(wasm: &Path) -> anyhow::Result<()> {
    let optimised = wasm.with_extension("opt.wasm");
    let ran = Command::new("wasm-opt")
        .arg("-Oz")
        .args(WASM_OPT_FEATURES)
        .arg(wasm)
        .arg("-o")
        .arg(&optimised)
        .status();
    match ran {
        Ok(status) if status.success() => {
            fs::rename(&optimised, wasm)?;
            Ok(())
        }
        Ok(status) => bail!("wasm-opt failed ({status})"),
        Err(_) => {
            eprintln!("wasm-opt is not installed: the portal is built unoptimised");
            Ok(())
        }
    }
}

/// The page: the template without trunk's `<link data-trunk …>` elements, with the bootstrap
/// script, the stylesheet and preloads of the hashed files before `</head>`.
fn page(template: &str, js: &str, wasm: &str, css: &str) -> anyhow::Result<String> {
    let mut page = String::with_capacity(template.len() + 1024);
    let mut rest = template;
    while let Some(start) = rest.find("<link data-trunk") {
        page.push_str(rest[..start].trim_end_matches([' ', '\t']));
        let end = rest[start..]
            .find("/>")
            .map(|end| start + end + 2)
            .context("a <link data-trunk …> without its closing />")?;
        rest = rest[end..].trim_start_matches(['\r', '\n']);
    }
    page.push_str(rest);
    // The server sends every page drawn; the app that takes it over is fetched once the page
    // has painted, so its download never competes with the page's own text and styles for a
    // slow line (nothing is preloaded: that would start it at once).
    let head = format!(
        r#"<script type="module">
const start = async () => {{
  const bindings = await import('/{js}');
  const wasm = await bindings.default({{ module_or_path: '/{wasm}' }});
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{detail: {{wasm}}}}));
}};
const afterPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
if (document.readyState === "complete") afterPaint();
else addEventListener("load", afterPaint, {{ once: true }});
</script>
    <link rel="stylesheet" href="/{css}"/>
  </head>"#
    );
    let Some(at) = page.find("</head>") else {
        bail!("frontend/index.html has no </head>");
    };
    page.replace_range(at..at + "</head>".len(), &head);
    Ok(page)
}

fn short_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.finalize()[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunks_links_give_way_to_the_bootstrap_and_hashed_files() -> anyhow::Result<()> {
        let template = "<html><head>\n    <title>t</title>\n    <link data-trunk rel=\"rust\" data-bin=\"x\"\n      data-wasm-opt=\"z\" />\n    <link data-trunk rel=\"css\" href=\"style.css\" />\n  </head><body></body></html>";
        let page = page(template, "p-1.js", "p-1_bg.wasm", "style-2.css")?;
        assert!(!page.contains("data-trunk"), "{page}");
        assert!(page.contains("await import('/p-1.js')"), "{page}");
        assert!(page.contains("module_or_path: '/p-1_bg.wasm'"), "{page}");
        // Fetched once the page has painted: nothing may start the download earlier.
        assert!(page.contains("addEventListener(\"load\""), "{page}");
        assert!(!page.contains("preload"), "{page}");
        assert!(page.contains("href=\"/style-2.css\""), "{page}");
        assert_eq!(page.matches("</head>").count(), 1);
        Ok(())
    }
}
