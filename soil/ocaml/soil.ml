(* Soil: the operating system as a Terrarium program sees it (see
   soil.mli). Everything is OCaml over Unix but for four stubs: the clocks
   (time_stubs.c), the terminal size (console_stubs.c), sysinfo and reboot
   (machine_stubs.c). *)

(* Runs f again while a signal interrupts it. *)
let rec restart f =
  try f () with Unix.Unix_error (Unix.EINTR, _, _) -> restart f

(* The clocks of time_stubs.c, in the order of its table. *)
type clock = Monotonic | Boot_time

external clock_seconds : clock -> float = "soil_clock_seconds"

(* The event loop: timers ordered by deadline, descriptors watched with
   select. A waiter resolved by the loop is removed from its table before
   it is resolved; a cancelled one removes itself. *)
module Loop = struct
  type waiter = { promise : unit Lwt.t; resolver : unit Lwt.u }

  (* Timers are keyed by deadline, then by the order they were made: two
     timers with the same deadline are two keys, and fire first come,
     first served. *)
  module Deadlines = Map.Make (struct
    type t = float * int

    let compare (d1, n1) (d2, n2) =
      match Float.compare d1 d2 with 0 -> Int.compare n1 n2 | c -> c
  end)

  let timers = ref Deadlines.empty
  let timers_made = ref 0

  (* Waiters of each descriptor, the latest first, each with its number. *)
  let readers : (Unix.file_descr, (int * waiter) list) Hashtbl.t =
    Hashtbl.create 8

  let writers : (Unix.file_descr, (int * waiter) list) Hashtbl.t =
    Hashtbl.create 8

  let waiters_made = ref 0
  let running = ref false

  (* Resolves or rejects a waiter unless a callback cancelled it first. *)
  let resolve w = if Lwt.is_sleeping w.promise then Lwt.wakeup w.resolver ()

  let reject w e =
    if Lwt.is_sleeping w.promise then Lwt.wakeup_exn w.resolver e

  let new_waiter () =
    let promise, resolver = Lwt.task () in
    { promise; resolver }

  let add_timer deadline =
    let w = new_waiter () in
    let key = (deadline, !timers_made) in
    incr timers_made;
    timers := Deadlines.add key w !timers;
    Lwt.on_cancel w.promise (fun () -> timers := Deadlines.remove key !timers);
    w.promise

  let remove_waiter table fd number =
    let waiters = Option.value (Hashtbl.find_opt table fd) ~default:[] in
    match List.filter (fun (n, _) -> n <> number) waiters with
    | [] -> Hashtbl.remove table fd
    | left -> Hashtbl.replace table fd left

  let add_waiter table fd =
    let w = new_waiter () in
    let number = !waiters_made in
    incr waiters_made;
    let others = Option.value (Hashtbl.find_opt table fd) ~default:[] in
    Hashtbl.replace table fd ((number, w) :: others);
    Lwt.on_cancel w.promise (fun () -> remove_waiter table fd number);
    w.promise

  (* Removes the waiters of fd from table, in the order they came. *)
  let take table fd =
    let waiters = Option.value (Hashtbl.find_opt table fd) ~default:[] in
    Hashtbl.remove table fd;
    List.rev_map snd waiters

  let watched table = Hashtbl.fold (fun fd _ fds -> fd :: fds) table []

  let is_closed fd =
    match Unix.fstat fd with
    | _ -> false
    | exception Unix.Unix_error (Unix.EBADF, _, _) -> true

  (* Fails the waiters of every closed descriptor, which select refuses. *)
  let fail_closed () =
    let fail table =
      List.iter
        (fun fd ->
          if is_closed fd then
            List.iter
              (fun w -> reject w (Unix.Unix_error (Unix.EBADF, "select", "")))
              (take table fd))
        (watched table)
    in
    fail readers;
    fail writers

  (* Waits for a watched descriptor or for timeout seconds (None: no
     limit), then resolves the ready descriptors' waiters. *)
  let wait timeout =
    match (watched readers, watched writers, timeout) with
    | [], [], None ->
        failwith
          "Soil.run: the promise can never resolve: no timer, descriptor or \
           paused promise is left to wait for"
    | [], [], Some seconds -> if seconds > 0. then Unix.sleepf seconds
    | readable, writable, _ -> (
        let limit = Option.value timeout ~default:(-1.) in
        match Unix.select readable writable [] limit with
        | ready_r, ready_w, _ ->
            List.iter (fun fd -> List.iter resolve (take readers fd)) ready_r;
            List.iter (fun fd -> List.iter resolve (take writers fd)) ready_w
        | exception Unix.Unix_error (Unix.EINTR, _, _) -> ()
        | exception Unix.Unix_error (Unix.EBADF, _, _) -> fail_closed ())

  (* Resolves the timers whose deadline has come, earliest first; timers
     their callbacks make wait for the next turn. *)
  let fire_timers () =
    let due, _, later =
      Deadlines.split (clock_seconds Monotonic, max_int) !timers
    in
    timers := later;
    Deadlines.iter (fun _ w -> resolve w) due

  (* One turn: wait as long as nothing is due, then resolve what is. *)
  let turn () =
    let timeout =
      if Lwt.paused_count () > 0 then Some 0.
      else
        match Deadlines.min_binding_opt !timers with
        | None -> None
        | Some ((deadline, _), _) ->
            Some (Float.max 0. (deadline -. clock_seconds Monotonic))
    in
    wait timeout;
    fire_timers ()

  let run promise =
    if !running then failwith "Soil.run: called from inside a running loop";
    running := true;
    let rec loop () =
      Lwt.wakeup_paused ();
      match Lwt.state promise with
      | Lwt.Return value -> value
      | Lwt.Fail e -> raise e
      | Lwt.Sleep ->
          turn ();
          loop ()
    in
    Fun.protect ~finally:(fun () -> running := false) loop
end

let run = Loop.run

module File_descriptor = struct
  type t = Unix.file_descr

  let of_unix fd = fd
  let to_unix t = t
  let stdin = Unix.stdin
  let stdout = Unix.stdout
  let stderr = Unix.stderr

  (* The length of the span of buf that pos and len ask for. *)
  let span name ?(pos = 0) ?len buf =
    let len = Option.value len ~default:(Bytes.length buf - pos) in
    if pos < 0 || len < 0 || pos > Bytes.length buf - len then
      invalid_arg ("Soil.File_descriptor." ^ name);
    len

  let read ?(pos = 0) ?len t buf =
    let len = span "read" ~pos ?len buf in
    restart (fun () -> Unix.read t buf pos len)

  let write ?(pos = 0) ?len t buf =
    let len = span "write" ~pos ?len buf in
    restart (fun () -> Unix.write t buf pos len)

  let write_string t s =
    let rec from pos =
      if pos < String.length s then
        from
          (pos
          + restart (fun () ->
                Unix.write_substring t s pos (String.length s - pos)))
    in
    from 0

  let pipe () = Unix.pipe ~cloexec:true ()
  let close t = Unix.close t

  let set_nonblock t on =
    if on then Unix.set_nonblock t else Unix.clear_nonblock t

  let wait_readable t = Loop.add_waiter Loop.readers t
  let wait_writable t = Loop.add_waiter Loop.writers t

  let read_async ?(pos = 0) ?len t buf =
    let len = span "read_async" ~pos ?len buf in
    Lwt.map
      (fun () -> restart (fun () -> Unix.read t buf pos len))
      (wait_readable t)

  let write_string_async t s =
    let rec from pos =
      if pos >= String.length s then Lwt.return_unit
      else
        Lwt.bind (wait_writable t) (fun () ->
            from
              (pos
              + restart (fun () ->
                    Unix.single_write_substring t s pos
                      (String.length s - pos))))
    in
    from 0
end

module Filesystem = struct
  let read_file path =
    let fd = Unix.openfile path [ Unix.O_RDONLY; Unix.O_CLOEXEC ] 0 in
    Fun.protect
      ~finally:(fun () -> Unix.close fd)
      (fun () ->
        (* Files of /proc and devices tell no size: read to the end. *)
        let content = Buffer.create 4096 and chunk = Bytes.create 65536 in
        let rec more () =
          match restart (fun () -> Unix.read fd chunk 0 65536) with
          | 0 -> Buffer.contents content
          | n ->
              Buffer.add_subbytes content chunk 0 n;
              more ()
        in
        more ())

  let write_file ?(perm = 0o644) path data =
    let fd =
      Unix.openfile path
        [ Unix.O_WRONLY; Unix.O_CREAT; Unix.O_TRUNC; Unix.O_CLOEXEC ]
        perm
    in
    Fun.protect
      ~finally:(fun () -> Unix.close fd)
      (fun () -> File_descriptor.write_string fd data)

  let list_directory path =
    let dir = Unix.opendir path in
    Fun.protect
      ~finally:(fun () -> Unix.closedir dir)
      (fun () ->
        let rec names acc =
          match Unix.readdir dir with
          | "." | ".." -> names acc
          | name -> names (name :: acc)
          | exception End_of_file -> List.sort String.compare acc
        in
        names [])

  let make_directory ?(perm = 0o755) path = Unix.mkdir path perm

  let remove path =
    match (Unix.lstat path).Unix.st_kind with
    | Unix.S_DIR -> Unix.rmdir path
    | _ -> Unix.unlink path
end

module Time = struct
  let now = Unix.gettimeofday
  let monotonic () = clock_seconds Monotonic
  let sleep seconds = Loop.add_timer (monotonic () +. seconds)
end

module Console = struct
  type size = { rows : int; columns : int }

  external terminal_size : Unix.file_descr -> int * int = "soil_console_size"

  let size () =
    match terminal_size Unix.stdout with
    | rows, columns when rows > 0 && columns > 0 -> Some { rows; columns }
    | _ -> None
    | exception Unix.Unix_error ((Unix.ENOTTY | Unix.EINVAL), _, _) -> None

  type colour =
    | Default
    | Black
    | Red
    | Green
    | Yellow
    | Blue
    | Magenta
    | Cyan
    | White
    | Bright of colour

  (* The SGR parameter of a colour: base + 0..7 for the eight, base + 9 for
     the default (30 and 39 for the foreground, 40 and 49 for the
     background), base + 60 for the bright ones. *)
  let rec colour_code base = function
    | Default -> base + 9
    | Black -> base
    | Red -> base + 1
    | Green -> base + 2
    | Yellow -> base + 3
    | Blue -> base + 4
    | Magenta -> base + 5
    | Cyan -> base + 6
    | White -> base + 7
    | Bright Default -> base + 9
    | Bright (Bright c) -> colour_code base (Bright c)
    | Bright c -> colour_code base c + 60

  let styled ?foreground ?background ?(bold = false) ?(underline = false) text
      =
    let codes =
      List.concat
        [
          (if bold then [ 1 ] else []);
          (if underline then [ 4 ] else []);
          Option.to_list (Option.map (colour_code 30) foreground);
          Option.to_list (Option.map (colour_code 40) background);
        ]
    in
    if codes = [] then text
    else
      Printf.sprintf "\027[%sm%s\027[0m"
        (String.concat ";" (List.map string_of_int codes))
        text

  module Key = struct
    type t =
      | Char of char
      | Ctrl of char
      | Enter
      | Tab
      | Backspace
      | Escape
      | Up
      | Down
      | Left
      | Right
      | Home
      | End
      | Insert
      | Delete
      | Page_up
      | Page_down
      | F of int
      | Unknown of string

    (* The longest escape sequence waited for: a longer one is Unknown. *)
    let longest_sequence = 32

    (* What an escape sequence at a position turned out to be. *)
    type sequence = Complete of t * int  (** the key, bytes used *) | Unfinished

    (* The key of one byte other than ESC, which starts a sequence. *)
    let of_byte c =
      match c with
      | '\r' | '\n' -> Enter
      | '\t' -> Tab
      | '\127' -> Backspace
      | '\000' -> Ctrl '@'
      | '\001' .. '\026' -> Ctrl (Char.chr (Char.code c + 96))
      | '\028' .. '\031' -> Ctrl (Char.chr (Char.code c + 64))
      | c -> Char c

    (* Keys of ESC O x (VT100 application mode) and of the final byte of
       ESC [ ... x. *)
    let of_final = function
      | 'A' -> Some Up
      | 'B' -> Some Down
      | 'C' -> Some Right
      | 'D' -> Some Left
      | 'H' -> Some Home
      | 'F' -> Some End
      | 'P' .. 'S' as c -> Some (F (Char.code c - Char.code 'P' + 1))
      | _ -> None

    (* Keys of ESC [ n ~ (VT220 and xterm). *)
    let of_tilde_number = function
      | 1 | 7 -> Some Home
      | 2 -> Some Insert
      | 3 -> Some Delete
      | 4 | 8 -> Some End
      | 5 -> Some Page_up
      | 6 -> Some Page_down
      | n when n >= 11 && n <= 15 -> Some (F (n - 10))
      | n when n >= 17 && n <= 21 -> Some (F (n - 11))
      | n when n >= 23 && n <= 24 -> Some (F (n - 12))
      | _ -> None

    (* The first number of CSI parameters "1;5" (modifiers follow). *)
    let first_number params =
      match String.index_opt params ';' with
      | Some i -> int_of_string_opt (String.sub params 0 i)
      | None -> int_of_string_opt params

    let complete s start len key =
      let key = Option.value key ~default:(Unknown (String.sub s start len)) in
      Complete (key, len)

    (* ESC [ at start: ESC [ [ A..E (Linux console F1-F5), or parameter
       bytes 0x30-0x3f, intermediate bytes 0x20-0x2f, one final byte
       0x40-0x7e. A byte outside those ends a malformed, Unknown one. *)
    let csi s start =
      let n = String.length s in
      let at i = if i < n then Some s.[i] else None in
      match at (start + 2) with
      | None -> Unfinished
      | Some '[' -> (
          match at (start + 3) with
          | None -> Unfinished
          | Some ('A' .. 'E' as c) ->
              Complete (F (Char.code c - Char.code 'A' + 1), 4)
          | Some _ -> complete s start 4 None)
      | Some _ ->
          let rec scan i =
            if i - start >= longest_sequence then complete s start (i - start) None
            else
              match at i with
              | None -> Unfinished
              | Some ('\x20' .. '\x3f') -> scan (i + 1)
              | Some ('\x40' .. '\x7e' as final) ->
                  let params = String.sub s (start + 2) (i - start - 2) in
                  let key =
                    if final = '~' then
                      Option.bind (first_number params) of_tilde_number
                    else of_final final
                  in
                  complete s start (i - start + 1) key
              | Some _ -> complete s start (i - start) None
          in
          scan (start + 2)

    (* The escape sequence at start, where s.[start] is ESC. *)
    let sequence s start =
      let n = String.length s in
      if start + 1 >= n then Unfinished
      else
        match s.[start + 1] with
        | '[' -> csi s start
        | 'O' when start + 2 >= n -> Unfinished
        | 'O' -> complete s start 3 (of_final s.[start + 2])
        | _ -> Complete (Escape, 1)

    let decode ?(final = false) s =
      let n = String.length s in
      let rec from i keys =
        if i >= n then (List.rev keys, "")
        else if s.[i] <> '\027' then from (i + 1) (of_byte s.[i] :: keys)
        else
          match sequence s i with
          | Complete (key, used) -> from (i + used) (key :: keys)
          | Unfinished when final -> from (i + 1) (Escape :: keys)
          | Unfinished -> (List.rev keys, String.sub s i (n - i))
      in
      from 0 []

    let to_string = function
      | Char c -> String.make 1 c
      | Ctrl c -> "Ctrl-" ^ String.make 1 (Char.uppercase_ascii c)
      | Enter -> "Enter"
      | Tab -> "Tab"
      | Backspace -> "Backspace"
      | Escape -> "Escape"
      | Up -> "Up"
      | Down -> "Down"
      | Left -> "Left"
      | Right -> "Right"
      | Home -> "Home"
      | End -> "End"
      | Insert -> "Insert"
      | Delete -> "Delete"
      | Page_up -> "Page_up"
      | Page_down -> "Page_down"
      | F n -> "F" ^ string_of_int n
      | Unknown s -> "Unknown " ^ String.concat "ESC" (String.split_on_char '\027' s)
  end

  (* The mode before enter_raw_mode, while in raw mode. *)
  let saved_mode = ref None
  let exit_hook_added = ref false

  let leave_raw_mode () =
    match !saved_mode with
    | None -> ()
    | Some mode ->
        Unix.tcsetattr Unix.stdin Unix.TCSADRAIN mode;
        saved_mode := None

  let enter_raw_mode () =
    let mode = Unix.tcgetattr Unix.stdin in
    Unix.tcsetattr Unix.stdin Unix.TCSADRAIN
      {
        mode with
        Unix.c_ignbrk = false;
        c_brkint = false;
        c_parmrk = false;
        c_istrip = false;
        c_inlcr = false;
        c_igncr = false;
        c_icrnl = false;
        c_ixon = false;
        c_echo = false;
        c_echonl = false;
        c_icanon = false;
        c_isig = false;
        c_csize = 8;
        c_parenb = false;
        c_vmin = 1;
        c_vtime = 0;
      };
    if !saved_mode = None then saved_mode := Some mode;
    if not !exit_hook_added then begin
      exit_hook_added := true;
      at_exit leave_raw_mode
    end

  (* Keys decoded and not yet asked for, and an unfinished sequence. *)
  let keys = Queue.create ()
  let unfinished = ref ""
  let input = Bytes.create 256

  (* How long an ESC may wait for the rest of its sequence. *)
  let escape_wait = 0.05

  let add_keys ?final bytes =
    let decoded, rest = Key.decode ?final bytes in
    List.iter (fun key -> Queue.push key keys) decoded;
    unfinished := rest

  let rec read_key () =
    if not (Queue.is_empty keys) then Lwt.return (Queue.pop keys)
    else
      let readable =
        Lwt.map (fun () -> true) (File_descriptor.wait_readable Unix.stdin)
      in
      let more =
        if !unfinished = "" then readable
        else
          Lwt.pick
            [ readable; Lwt.map (fun () -> false) (Time.sleep escape_wait) ]
      in
      Lwt.bind more (fun more ->
          let n = if more then File_descriptor.read Unix.stdin input else 0 in
          add_keys ~final:(n = 0) (!unfinished ^ Bytes.sub_string input 0 n);
          if more && n = 0 && Queue.is_empty keys then Lwt.fail End_of_file
          else read_key ())
end

module Machine = struct
  type memory = { total : int; free : int }

  external memory_facts : unit -> int * int = "soil_machine_memory"
  external restart_machine : unit -> 'a = "soil_machine_reboot"

  let memory () =
    let total, free = memory_facts () in
    { total; free }

  let uptime () = clock_seconds Boot_time
  let power_off ?(status = 0) () = exit status

  let reboot () =
    if Unix.getpid () <> 1 then
      raise
        (Unix.Unix_error
           (Unix.EPERM, "reboot", "only process 1 may restart the machine"));
    flush_all ();
    restart_machine ()
end
