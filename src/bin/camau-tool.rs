//! Native helper for maintainers and the benchmark (not shipped):
//! `cargo run --release --bin camau-tool -- words [cy]` prints every word of the content (English,
//! or Welsh);
//! `cargo run --release --bin camau-tool -- engine` times compiling the graph and walking every path.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    match arg.as_str() {
        "words" => {
            let lang = if std::env::args().nth(2).as_deref() == Some("cy") { 1 } else { 0 };
            for s in camau::content::TABLES[lang].iter().flat_map(|t| t.iter()) {
                println!("{s}");
            }
        }
        "engine" => camau::tool::engine_bench(),
        _ => eprintln!("usage: camau-tool words [cy] | engine"),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
