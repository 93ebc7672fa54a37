(** Soil: the operating system as a Terrarium program sees it.

    Soil is a small, core_unix-flavoured interface over OCaml's [Unix]
    library with an event loop for Lwt's core. A program written against it
    builds for Linux during development and boots with Terrarium for
    deployment; both run the same code, because Terrarium's kernel answers
    Linux system calls. Only what [Unix] lacks (clock_gettime, TIOCGWINSZ,
    sysinfo, reboot) goes through Soil's own C stubs.

    Errors from the system are raised as [Unix.Unix_error], as [Unix] does.
    Reads and writes interrupted by a signal (EINTR) are restarted. *)

(** {1 The event loop} *)

val run : 'a Lwt.t -> 'a
(** [run promise] runs Soil's event loop until [promise] resolves, and
    returns its value, or raises its exception when it is rejected. The
    loop resolves the promises of {!Time.sleep},
    {!File_descriptor.wait_readable} and {!File_descriptor.wait_writable}
    and of [Lwt.pause]; it waits in the kernel (select, or a plain sleep
    when no descriptor is watched), so a waiting program costs no CPU where
    the kernel halts when idle.

    Timers fire in the order of their deadlines, and timers with the same
    deadline in the order they were made. Promises left pending when
    [promise] resolves stay registered and take part in a later [run].

    Raises [Failure] when called from inside a running loop, and when
    [promise] can never resolve because nothing is left to wait for: no
    timer, no watched descriptor, no paused promise. *)

(** {1 File descriptors} *)

module File_descriptor : sig
  type t
  (** An open file descriptor: a file, a pipe end, a terminal. *)

  val of_unix : Unix.file_descr -> t
  (** [of_unix fd] is [fd] as a Soil descriptor (the same descriptor). *)

  val to_unix : t -> Unix.file_descr
  (** [to_unix t] is [t] as a [Unix] descriptor (the same descriptor). *)

  val stdin : t
  (** Descriptor 0, the standard input. *)

  val stdout : t
  (** Descriptor 1, the standard output. *)

  val stderr : t
  (** Descriptor 2, the standard error. *)

  val read : ?pos:int -> ?len:int -> t -> bytes -> int
  (** [read ?pos ?len t buf] reads at most [len] bytes (default: up to the
      end of [buf]) into [buf] from [pos] (default 0), blocking until some
      are there. Returns the number read, 0 at the end of the input.
      Raises [Invalid_argument] when [pos] and [len] do not fit [buf]. *)

  val write : ?pos:int -> ?len:int -> t -> bytes -> int
  (** [write ?pos ?len t buf] writes the bytes of [buf] from [pos] (default
      0), [len] of them (default: up to the end of [buf]), blocking until
      all are written. Returns the number written.
      Raises [Invalid_argument] when [pos] and [len] do not fit [buf]. *)

  val write_string : t -> string -> unit
  (** [write_string t s] writes all of [s], blocking until done. *)

  val pipe : unit -> t * t
  (** [pipe ()] makes a pipe: [(read_end, write_end)], both close-on-exec.
      Reading from an empty pipe whose write end is closed gives the end of
      input (0). *)

  val close : t -> unit
  (** [close t] closes the descriptor. *)

  val set_nonblock : t -> bool -> unit
  (** [set_nonblock t on] sets or clears O_NONBLOCK: with it, a read or
      write that would block raises [Unix.Unix_error (EAGAIN, _, _)]
      instead. *)

  val wait_readable : t -> unit Lwt.t
  (** [wait_readable t] resolves once a read on [t] would not block (data,
      the end of input, or an error is there). Resolved by {!run}; a
      closed or invalid [t] rejects it with [Unix.Unix_error EBADF].
      Cancelling the promise stops the wait. *)

  val wait_writable : t -> unit Lwt.t
  (** [wait_writable t] resolves once a write on [t] would not block.
      Otherwise as {!wait_readable}. *)

  val read_async : ?pos:int -> ?len:int -> t -> bytes -> int Lwt.t
  (** [read_async ?pos ?len t buf] waits until [t] is readable, then reads
      as {!read} does. Resolves with the number read, 0 at the end of the
      input. *)

  val write_string_async : t -> string -> unit Lwt.t
  (** [write_string_async t s] writes all of [s], waiting for [t] to be
      writable before each write. *)
end

(** {1 Files and directories} *)

module Filesystem : sig
  val read_file : string -> string
  (** [read_file path] is the whole content of the file at [path]. *)

  val write_file : ?perm:int -> string -> string -> unit
  (** [write_file ?perm path data] makes [path] hold exactly [data],
      creating it with permissions [perm] (default [0o644], less the umask)
      when it does not exist. *)

  val list_directory : string -> string list
  (** [list_directory path] is the names in the directory [path], sorted,
      without ["."] and [".."]. *)

  val make_directory : ?perm:int -> string -> unit
  (** [make_directory ?perm path] creates the directory [path] with
      permissions [perm] (default [0o755], less the umask). Its parent must
      exist. *)

  val remove : string -> unit
  (** [remove path] removes the file, symbolic link or empty directory at
      [path]. *)
end

(** {1 Time} *)

module Time : sig
  val now : unit -> float
  (** [now ()] is the wall-clock time in seconds since 1970-01-01 UTC. *)

  val monotonic : unit -> float
  (** [monotonic ()] is the time in seconds on a clock that never goes
      back and is not set (CLOCK_MONOTONIC): use it to measure intervals.
      Its origin is unspecified (on Terrarium: the start of the image). *)

  val sleep : float -> unit Lwt.t
  (** [sleep seconds] resolves after at least [seconds] (0 or less: on the
      next turn of the loop), measured on {!monotonic}. Resolved by {!run};
      cancelling the promise removes the timer. *)
end

(** {1 The console} *)

module Console : sig
  (** {2 Size} *)

  type size = { rows : int; columns : int }
  (** A terminal's size in character cells. *)

  val size : unit -> size option
  (** [size ()] is the size of the terminal on the standard output (the
      framebuffer console on Terrarium), or [None] when the standard
      output is not a terminal or does not know its size. *)

  (** {2 Colours} *)

  type colour =
    | Default  (** the terminal's own colour *)
    | Black
    | Red
    | Green
    | Yellow
    | Blue
    | Magenta
    | Cyan
    | White
    | Bright of colour
        (** the bright variant; [Bright Default] is [Default] *)

  val styled :
    ?foreground:colour ->
    ?background:colour ->
    ?bold:bool ->
    ?underline:bool ->
    string ->
    string
  (** [styled ?foreground ?background ?bold ?underline text] is [text]
      between ANSI SGR escape sequences that set those attributes and then
      reset all attributes. With no attribute asked, it is [text]. *)

  (** {2 Keys} *)

  (** Keys as terminals send them, decoded from bytes. *)
  module Key : sig
    type t =
      | Char of char  (** a printable byte (UTF-8 arrives byte by byte) *)
      | Ctrl of char
          (** a control byte: [Ctrl 'c'] for Ctrl-C (0x03), letters in
              lower case; ['@'], ['\\'], [']'], ['^'], ['_'] for the others
              (0x00, 0x1c to 0x1f) *)
      | Enter  (** CR or LF *)
      | Tab
      | Backspace  (** DEL (0x7f), what the Backspace key sends *)
      | Escape  (** ESC alone *)
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
      | F of int  (** function keys F1 to F12 *)
      | Unknown of string  (** a complete escape sequence not listed here *)

    val decode : ?final:bool -> string -> t list * string
    (** [decode ?final bytes] decodes the keys in [bytes], in order, and
        returns them with the bytes left over: the start of an escape
        sequence that more bytes may complete. With [~final:true] (default
        [false]) nothing is left over: an unfinished sequence's ESC is
        {!Escape} and the bytes after it are decoded again as keys.
        Understands the sequences of xterm, VT100 (ESC O) and the Linux
        console (ESC [ [ A to E for F1 to F5); modifier parameters (as in
        ESC [ 1 ; 5 A) are ignored. *)

    val to_string : t -> string
    (** [to_string key] names the key for people: ["a"], ["Ctrl-C"],
        ["Up"], ["F5"], ["Unknown ESC[99~"]. *)
  end

  val enter_raw_mode : unit -> unit
  (** [enter_raw_mode ()] puts the terminal on the standard input in raw
      mode (through [Unix.tcsetattr]): no line editing, no echo, no signal
      keys, no flow control, CR not turned into LF, reads return each byte
      as it comes. Output processing stays on, so "\n" still starts a new
      line. The mode in force before is restored by {!leave_raw_mode} and
      at exit. Raises [Unix.Unix_error ENOTTY] when the standard input is
      not a terminal. *)

  val leave_raw_mode : unit -> unit
  (** [leave_raw_mode ()] restores the terminal mode saved by
      {!enter_raw_mode}; does nothing when not in raw mode. *)

  val read_key : unit -> Key.t Lwt.t
  (** [read_key ()] resolves with the next key from the standard input
      (meant for raw mode). An ESC followed by nothing for 50 ms is
      {!Key.Escape}. Rejected with [End_of_file] at the end of the input. *)
end

(** {1 The machine} *)

module Machine : sig
  type memory = {
    total : int;  (** bytes of RAM the kernel manages *)
    free : int;  (** bytes of it not in use *)
  }
  (** Memory facts from sysinfo(2). *)

  val memory : unit -> memory
  (** [memory ()] is how much memory the machine has and how much is
      free. *)

  val uptime : unit -> float
  (** [uptime ()] is the time in seconds since the machine started (on
      Terrarium: since the image started). *)

  val power_off : ?status:int -> unit -> 'a
  (** [power_off ?status ()] flushes the standard channels, runs the
      [at_exit] functions and ends the program with [status] (default 0).
      On Terrarium the end of the program is the machine's power-off, and
      under QEMU a non-zero status becomes QEMU's exit status (2 * status
      + 1, which [terrarium run] maps back). On Linux only the process
      ends: the host keeps running. *)

  val reboot : unit -> 'a
  (** [reboot ()] flushes the standard channels and restarts the machine
      (reboot(2)). Only the program that owns the machine may do it: the
      one running as process 1, as a Terrarium program always does.
      Anywhere else (a program on a Linux host) it raises
      [Unix.Unix_error (EPERM, "reboot", _)] and nothing else happens. *)
end
