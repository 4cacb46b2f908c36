//! `nutgraf oracle`: oracle labels for a corpus.

use std::process::ExitCode;

use nutgraf::oracle::{Oracle, OracleRecord, SummarunnerRecord};

use crate::args::{OracleArgs, OracleOutput};
use crate::output::RecordWriter;
use crate::run;
use crate::settings;

pub fn run(args: OracleArgs) -> anyhow::Result<ExitCode> {
    let oracle = Oracle::new(settings::oracle_config(&args.oracle)?).map_err(settings::library)?;
    let mut out = RecordWriter::stdout();
    // Whatever ends the run, what was finished is written out.
    let result = run::run(
        &args.input,
        "labelled",
        || (),
        |_, doc| oracle.label(doc),
        |doc, result| match args.output {
            OracleOutput::Jsonl => out.json_line(&OracleRecord::new(doc, result)),
            OracleOutput::Summarunner => {
                out.json_line(&SummarunnerRecord::new(doc, &result.indices))
            }
        },
    );
    let flushed = out.flush();
    let finished = result?;
    flushed?;
    Ok(finished.code)
}
