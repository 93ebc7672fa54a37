(* hello_async: the asynchronous hello world. A command-line program
   (Cmdliner for the options, Base for the text) whose main is an Lwt
   promise run by Soil's event loop: it waits --delay seconds with
   Soil.Time.sleep, then greets each --name. *)

open Base

(* "world", "Ann", "Ann and Bob", "Ann, Bob and Cy". *)
let names_text = function
  | [] -> "world"
  | names -> (
      match List.rev names with
      | [] | [ _ ] -> String.concat names
      | last :: rest ->
          String.concat ~sep:", " (List.rev rest) ^ " and " ^ last)

let greeting ~names ~shout =
  let text = Printf.sprintf "Hello, %s!" (names_text names) in
  if shout then String.uppercase text else text

let main ~names ~delay ~shout ~timing =
  let start = Soil.Time.monotonic () in
  Lwt.map
    (fun () ->
      let slept = Soil.Time.monotonic () -. start in
      Stdlib.print_endline (greeting ~names ~shout);
      if timing then
        Stdlib.Printf.eprintf "slept %.3f s (asked %.3f s)\n%!" slept delay)
    (Soil.Time.sleep delay)

open Cmdliner

(* A number of seconds, 0 or more. *)
let seconds =
  let parse text =
    match Option.try_with (fun () -> Float.of_string text) with
    | Some s when Float.is_finite s && Float.(s >= 0.) -> Ok s
    | _ ->
        Error
          (`Msg (Printf.sprintf "%S is not a number of seconds (0 or more)" text))
  in
  Arg.conv (parse, Stdlib.Format.pp_print_float)

let names =
  Arg.(
    value & opt_all string []
    & info [ "n"; "name" ] ~docv:"NAME"
        ~doc:"Greet $(docv); repeat it to greet several (default: world).")

let delay =
  Arg.(
    value & opt seconds 1.0
    & info [ "d"; "delay" ] ~docv:"SECONDS"
        ~doc:"Wait $(docv) seconds before greeting.")

let shout =
  Arg.(value & flag & info [ "shout" ] ~doc:"Greet in capital letters.")

let timing =
  Arg.(
    value & flag
    & info [ "timing" ]
        ~doc:
          "Say on the standard error how long the wait took, measured with \
           Soil.Time.monotonic.")

let hello names delay shout timing =
  Soil.run (main ~names ~delay ~shout ~timing)

let command =
  Cmd.v
    (Cmd.info "hello_async" ~version:"0.1.0"
       ~doc:"greet after an asynchronous wait")
    Term.(const hello $ names $ delay $ shout $ timing)

let () = Stdlib.exit (Cmd.eval command)
