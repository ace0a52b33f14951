-- Drives Neovim 0.7's built-in LSP client against dist/server.js, headless: open the fixture file, wait for the
-- diagnostics, pick one quick fix through vim.lsp.buf.code_action (the path a user's keypress takes, with
-- vim.ui.select answered by title), save, and write what Neovim showed to a JSON file. Assertions live in
-- run-neovim.mjs so every editor is checked against the same expectations.
-- Then a YAML OpenAPI spec is opened with filetype detection on, and the client is attached to it by a FileType
-- autocommand, as lspconfig's `filetypes` does; its diagnostics are recorded too.
-- Inputs (environment): APIGUARD_SERVER, APIGUARD_FILE, APIGUARD_ROOT, APIGUARD_FIX_TITLE,
-- APIGUARD_EXPECTED_COUNT, APIGUARD_SPEC_FILE, APIGUARD_SPEC_EXPECTED_COUNT, APIGUARD_RESULT (output path).
local env = function(name)
  local value = os.getenv(name)
  if value == nil or value == '' then error('missing environment variable ' .. name) end
  return value
end

local result = { log = {} }
local function note(message) table.insert(result.log, message) end

local function finish(exit_code)
  local out = io.open(env('APIGUARD_RESULT'), 'w')
  out:write(vim.fn.json_encode(result))
  out:close()
  vim.cmd((exit_code == 0) and 'qall!' or ('cquit ' .. exit_code))
end

local function wait_for(what, timeout_ms, condition)
  if not vim.wait(timeout_ms, condition, 50) then error('timed out after ' .. timeout_ms .. ' ms waiting for ' .. what) end
end

local function shown_diagnostics(bufnr)
  local shown = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(shown, {
      source = d.source,
      code = lsp.code,
      severity = ({ 'error', 'warning', 'info', 'hint' })[d.severity],
      message = d.message,
      -- Neovim columns are byte offsets; the fixture is ASCII, so they equal LSP's UTF-16 characters.
      range = { d.lnum, d.col, d.end_lnum, d.end_col },
    })
  end
  table.sort(shown, function(a, b) return a.range[1] < b.range[1] or (a.range[1] == b.range[1] and a.range[2] < b.range[2]) end)
  return shown
end

local ok, err = pcall(function()
  local file = env('APIGUARD_FILE')
  local expected_count = tonumber(env('APIGUARD_EXPECTED_COUNT'))
  local fix_title = env('APIGUARD_FIX_TITLE')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype
  local exited = nil
  local client_id = vim.lsp.start_client({
    name = 'apiguard',
    cmd = { 'node', env('APIGUARD_SERVER'), '--stdio' },
    root_dir = env('APIGUARD_ROOT'),
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client could not start ' .. env('APIGUARD_SERVER')) end
  vim.lsp.buf_attach_client(bufnr, client_id)
  wait_for('the server to initialize', 20000, function()
    if exited then error('the language server exited during start-up: ' .. vim.inspect(exited)) end
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end)
  note('initialized')

  wait_for(expected_count .. ' diagnostics', 30000, function() return #vim.diagnostic.get(bufnr) >= expected_count end)
  result.diagnostics = shown_diagnostics(bufnr)

  -- Cursor on the first diagnostic whose quick fixes include the title (the harness passes the right one's line).
  local target_line = tonumber(env('APIGUARD_FIX_LINE'))
  local target_character = tonumber(env('APIGUARD_FIX_CHARACTER'))
  vim.api.nvim_win_set_cursor(0, { target_line + 1, target_character })
  local offered = nil
  local original_select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    offered = {}
    for index, item in ipairs(items) do
      local action = item[2] or item.action or item
      table.insert(offered, action.title)
      if action.title == fix_title then
        on_choice(item, index)
        return
      end
    end
    on_choice(nil, nil)
  end
  local text_before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  vim.lsp.buf.code_action()
  wait_for('code actions to be offered', 10000, function() return offered ~= nil end)
  vim.ui.select = original_select
  result.offered = offered
  wait_for('the quick fix "' .. fix_title .. '" to change the buffer', 10000, function()
    return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') ~= text_before
  end)
  vim.cmd('write')
  note('saved')
  -- The fix's command makes the server write .env itself (Neovim would leave an unopened file unsaved).
  local env_file = env('APIGUARD_ROOT') .. '/.env'
  wait_for('the server to write .env', 10000, function() return vim.loop.fs_stat(env_file) ~= nil end)
  wait_for('the fixed diagnostic to go', 15000, function() return #vim.diagnostic.get(bufnr) == expected_count - 1 end)
  result.diagnostics_after_fix = shown_diagnostics(bufnr)

  -- A YAML spec: attached by filetype, as `filetypes = { ..., 'yaml', 'json' }` in lspconfig would.
  vim.cmd('filetype on')
  vim.api.nvim_create_autocmd('FileType', {
    pattern = { 'yaml', 'json' },
    callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end,
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(env('APIGUARD_SPEC_FILE')))
  local spec_bufnr = vim.api.nvim_get_current_buf()
  result.spec_filetype = vim.bo[spec_bufnr].filetype
  local spec_count = tonumber(env('APIGUARD_SPEC_EXPECTED_COUNT'))
  wait_for(spec_count .. ' spec diagnostics', 30000, function() return #vim.diagnostic.get(spec_bufnr) >= spec_count end)
  result.spec_diagnostics = shown_diagnostics(spec_bufnr)
  note('spec diagnosed')

  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', 10000, function() return exited ~= nil end)
  result.server_exit = exited
end)

if not ok then
  result.error = tostring(err)
  finish(1)
else
  finish(0)
end
