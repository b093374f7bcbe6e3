//! Compiles `content/*.toml` into static Rust data in OUT_DIR (see content/FORMAT.md).
//! A content mistake stops the build with `content/FILE.toml:LINE: message`.

#[path = "src/compiler/mod.rs"]
#[allow(dead_code)]
mod compiler;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/compiler");
    println!("cargo:rerun-if-env-changed=CAMAU_CONTENT");
    // CAMAU_CONTENT points the build at another content folder (the compiler's test fixtures).
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("CAMAU_CONTENT").map(|d| root.join(d)).unwrap_or_else(|| root.join("content"));
    let files = compiler::read_dir(&dir).unwrap_or_else(|e| {
        eprintln!("error: cannot read {}: {e}", dir.display());
        std::process::exit(1)
    });
    match compiler::compile(&files) {
        Ok(model) => {
            let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
            let g = compiler::codegen::generate(&model);
            std::fs::write(out.join("content.rs"), g.rust).expect("write content.rs");
            // The words files, fetched by the browser (see tools/post_build.mjs, which copies
            // them into dist), and the printable guide.
            for (name, text) in &g.files {
                std::fs::write(out.join(name), text).expect("write a words file");
            }
            std::fs::write(out.join("page-words.json"), &g.page_words).expect("write page-words.json");
            // The printable guide, in each language.
            use compiler::guide::{file_name, guide_html};
            std::fs::write(out.join(file_name(camau_graph::Lang::En)), guide_html(&model, camau_graph::Lang::En)).expect("write guide.html");
            let cy = compiler::welsh::translated(&model);
            std::fs::write(out.join(file_name(camau_graph::Lang::Cy)), guide_html(&cy, camau_graph::Lang::Cy)).expect("write guide-cy.html");
        }
        Err(diags) => {
            for d in &diags {
                eprintln!("error: {d}");
            }
            eprintln!("error: the content has {} problem(s); see content/FORMAT.md", diags.len());
            std::process::exit(1)
        }
    }
}
