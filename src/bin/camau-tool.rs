//! Native helper for maintainers and the benchmark (not shipped):
//! `cargo run --release --bin camau-tool -- words` prints every word of the content;
//! `cargo run --release --bin camau-tool -- engine` times compiling the graph and walking every path.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    match arg.as_str() {
        "words" => {
            for s in camau::content::STRINGS.iter().chain(camau::content::LATE) {
                println!("{s}");
            }
        }
        "engine" => camau::tool::engine_bench(),
        _ => eprintln!("usage: camau-tool words | engine"),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
