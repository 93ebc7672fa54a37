(* echo: writes back every line typed on the keyboard (or whatever comes
   on the standard input) until the end of the input, Ctrl-D on a
   terminal; then powers the machine off with status 0. The reads and
   writes wait in Soil's event loop. *)

let buffer = Bytes.create 4096

let rec echo () =
  let open Lwt.Syntax in
  let open Soil.File_descriptor in
  let* n = read_async stdin buffer in
  if n = 0 then Lwt.return_unit
  else
    let* () = write_string_async stdout (Bytes.sub_string buffer 0 n) in
    echo ()

let () =
  if Unix.isatty Unix.stdin then prerr_endline "echo: type lines; Ctrl-D ends";
  Soil.run (echo ());
  Soil.Machine.power_off ()
