#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>
#include <memory>

#include "app/token_service.h"
#include "cli/command_support.h"
#include "cli/exit_codes.h"

namespace invoicer::cli {

namespace {

struct TokenArgs {
  std::string name;
  std::string role = "reader";
};

int CreateToken(const GlobalOptions& global, const TokenArgs& args) {
  const auto role = store::ParseRole(args.role);
  if (!role) {
    return Fail(errors::InvalidValue("role", "--role must be admin, reviewer, ingest or reader"));
  }
  auto store = OpenMigratedStore(global);
  if (!store) return Fail(store.error());
  const SystemClock clock;
  app::TokenService tokens(**store, clock);
  auto token = tokens.Create(args.name, *role);
  if (!token) return Fail(token.error());
  // The token alone on stdout, so scripts can capture it.
  std::cout << *token << std::endl;
  return kExitOk;
}

int ListTokens(const GlobalOptions& global) {
  auto store = OpenMigratedStore(global);
  if (!store) return Fail(store.error());
  const SystemClock clock;
  app::TokenService tokens(**store, clock);
  auto list = tokens.List();
  if (!list) return Fail(list.error());
  std::cout << std::left << std::setw(24) << "NAME" << std::setw(10) << "ROLE" << std::setw(26)
            << "CREATED" << "REVOKED\n";
  for (const auto& t : *list) {
    std::cout << std::setw(24) << t.name << std::setw(10) << store::ToString(t.role)
              << std::setw(26) << FormatRfc3339(t.created_at)
              << (t.revoked_at ? FormatRfc3339(*t.revoked_at) : "-") << "\n";
  }
  std::cout.flush();
  return kExitOk;
}

int RevokeToken(const GlobalOptions& global, const std::string& name) {
  auto store = OpenMigratedStore(global);
  if (!store) return Fail(store.error());
  const SystemClock clock;
  app::TokenService tokens(**store, clock);
  if (auto revoked = tokens.Revoke(name); !revoked) return Fail(revoked.error());
  std::cerr << "revoked " << name << std::endl;
  return kExitOk;
}

}  // namespace

void AddTokenCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  CLI::App* token = app.add_subcommand("token", "Manage API tokens");
  token->footer(kGlobalFlagsFooter);
  token->require_subcommand(1);
  // Bound to the parsed flags until the runner has run; one per process.
  auto args = std::make_shared<TokenArgs>();

  CLI::App* create = token->add_subcommand(
      "create", "Create a token and print it (once) alone on stdout; only its hash is stored");
  create->add_option("--name", args->name, "Unique name, shown in the audit trail")->required();
  create->add_option("--role", args->role, "admin, reviewer, ingest or reader")
      ->required()
      ->check(CLI::IsMember({"admin", "reviewer", "ingest", "reader"}));
  create->callback([&global, &run, args] { run = [&global, args] { return CreateToken(global, *args); }; });

  CLI::App* list = token->add_subcommand("list", "List tokens (names, roles, dates; never the tokens)");
  list->callback([&global, &run] { run = [&global] { return ListTokens(global); }; });

  CLI::App* revoke = token->add_subcommand("revoke", "Revoke a token by name");
  revoke->add_option("name", args->name, "The token's name")->required();
  revoke->callback([&global, &run, args] { run = [&global, args] { return RevokeToken(global, args->name); }; });
}

}  // namespace invoicer::cli
