#include "synth/parties.h"

#include <cctype>
#include <string_view>
#include <vector>

#include "synth/identifiers.h"
#include "synth/phrases.h"

namespace invoicer::synth {
namespace {

using Words = std::vector<std::string_view>;

struct City {
  std::string_view name;
  std::string_view postcode_prefix;  // GB/IE: the outward code; US: the ZIP prefix
  std::string_view region;           // US state, Italian province
};

// What a country's names and addresses are made of.
struct CountryData {
  Words surnames, first_names, streets, legal_forms, trades;
  std::vector<City> cities;
  std::string_view tld, calling_code;
  Words areas;  // telephone area codes without the trunk 0
};

CountryData DataOf(Country country) {
  switch (country) {
    case Country::kDe:
      return {
          {"Müller", "Schmidt", "Schneider", "Fischer",  "Weber",   "Meyer",
           "Wagner", "Becker",  "Schulz",    "Hoffmann", "Koch",    "Richter",
           "Klein",  "Wolf",    "Schröder",  "Neumann",  "Schwarz", "Zimmermann",
           "Braun",  "Krüger",  "Hartmann",  "Lange",    "Köhler"},
          {"Thomas", "Andreas", "Stefan", "Michael", "Sabine", "Julia", "Katrin", "Jan", "Lena",
           "Markus", "Anja", "Tobias", "Claudia", "Felix", "Jürgen"},
          {"Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße", "Lindenallee",
           "Industriestraße", "Gartenweg", "Am Markt", "Friedrichstraße", "Kaiserstraße",
           "Berliner Allee", "Mühlenweg", "Gewerbepark Süd", "Königsallee", "Talstraße"},
          {"GmbH", "GmbH", "GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG (haftungsbeschränkt)", "KG",
           "OHG"},
          {"Elektrotechnik", "Haustechnik", "Bürobedarf", "Logistik", "Software", "Bau",
           "Metallbau", "Beratung", "Druckerei", "Systemhaus", "Maschinenbau", "Gebäudereinigung"},
          {{"Berlin", "10", ""},
           {"Hamburg", "20", ""},
           {"München", "80", ""},
           {"Köln", "50", ""},
           {"Frankfurt am Main", "60", ""},
           {"Stuttgart", "70", ""},
           {"Düsseldorf", "40", ""},
           {"Leipzig", "04", ""},
           {"Dresden", "01", ""},
           {"Hannover", "30", ""},
           {"Nürnberg", "90", ""},
           {"Bremen", "28", ""},
           {"Essen", "45", ""},
           {"Bonn", "53", ""},
           {"Karlsruhe", "76", ""},
           {"Freiburg im Breisgau", "79", ""},
           {"Münster", "48", ""}},
          "de",
          "49",
          {"30", "40", "89", "221", "69", "711", "211", "341", "351", "511", "911"}};
    case Country::kAt:
      return {{"Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Moser", "Steiner", "Mayer",
               "Hofer", "Leitner", "Berger", "Fuchs", "Eder", "Schwarz"},
              {"Johann", "Maria", "Lukas", "Anna", "Florian", "Katharina", "Martin", "Lisa",
               "Georg", "Theresa"},
              {"Mariahilfer Straße", "Landstraßer Hauptstraße", "Herrengasse", "Wiener Straße",
               "Salzburger Straße", "Bahnhofplatz", "Industriezeile", "Kirchengasse"},
              {"GmbH", "GmbH", "KG", "OG", "AG", "e.U."},
              {"Elektrotechnik", "Installationen", "Bürotechnik", "Transporte", "Software",
               "Baumeister", "Tischlerei", "Beratung"},
              {{"Wien", "1", ""},
               {"Graz", "8", ""},
               {"Linz", "4", ""},
               {"Salzburg", "5", ""},
               {"Innsbruck", "6", ""},
               {"Klagenfurt", "9", ""},
               {"St. Pölten", "3", ""}},
              "at",
              "43",
              {"1", "316", "732", "662", "512", "463"}};
    case Country::kCh:
      return {
          {"Meier", "Müller", "Keller", "Brunner", "Baumann", "Frei", "Gerber", "Widmer", "Schmid",
           "Graf", "Favre", "Rochat", "Bonvin", "Perrin", "Moser"},
          {"Daniel", "Andrea", "Urs", "Nicole", "Reto", "Corinne", "Beat", "Sandra", "Luca",
           "Céline"},
          {"Bahnhofstrasse", "Seestrasse", "Dorfstrasse", "Rue du Rhône", "Avenue de la Gare",
           "Industriestrasse", "Löwenstrasse", "Rue de Lausanne", "Weinbergstrasse"},
          {"AG", "AG", "GmbH", "SA", "Sàrl"},
          {"Informatik", "Treuhand", "Haustechnik", "Consulting", "Druck", "Elektro", "Logistik"},
          {{"Zürich", "80", ""},
           {"Bern", "30", ""},
           {"Basel", "40", ""},
           {"Luzern", "60", ""},
           {"St. Gallen", "90", ""},
           {"Winterthur", "84", ""},
           {"Genève", "12", ""},
           {"Lausanne", "10", ""},
           {"Neuchâtel", "20", ""}},
          "ch",
          "41",
          {"44", "31", "61", "41", "71", "52", "22", "21"}};
    case Country::kFr:
      return {
          {"Martin",   "Bernard", "Dubois", "Thomas", "Robert",  "Richard",  "Petit",
           "Durand",   "Leroy",   "Moreau", "Simon",  "Laurent", "Lefèvre",  "Michel",
           "Fournier", "Girard",  "Bonnet", "Dupont", "Lambert", "Rousseau", "Faure"},
          {"Jean", "Marie", "Pierre", "Sophie", "Nicolas", "Camille", "Julien", "Isabelle",
           "Antoine", "Claire", "Mathieu", "Céline"},
          {"rue de la République", "avenue Jean Jaurès", "boulevard Haussmann", "rue Victor Hugo",
           "place de la Gare", "allée des Tilleuls", "rue du Commerce", "avenue de la Libération",
           "rue des Lilas", "chemin des Vignes", "rue Pasteur", "boulevard Gambetta"},
          {"SARL", "SAS", "SAS", "SA", "EURL"},
          {"Conseil", "Informatique", "Bâtiment", "Transports", "Électricité", "Imprimerie",
           "Ingénierie", "Services", "Fournitures", "Menuiserie"},
          {{"Paris", "750", ""},
           {"Lyon", "690", ""},
           {"Marseille", "130", ""},
           {"Toulouse", "310", ""},
           {"Bordeaux", "330", ""},
           {"Lille", "590", ""},
           {"Nantes", "440", ""},
           {"Strasbourg", "670", ""},
           {"Montpellier", "340", ""},
           {"Rennes", "350", ""}},
          "fr",
          "33",
          {"1", "4", "5", "2", "3"}};
    case Country::kBe:
      return {
          {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
           "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Lejeune"},
          {"Luc", "An", "Koen", "Els", "Marc", "Sofie", "Pierre", "Nathalie", "Tom", "Isabelle"},
          {"Kerkstraat", "Stationsstraat", "Rue de la Loi", "Avenue Louise", "Molenstraat",
           "Rue Haute", "Industrieweg", "Chaussée de Wavre"},
          {"BV", "NV", "SRL", "SA", "BV"},
          {"Bouw", "Consult", "Transport", "Informatique", "Techniek", "Services"},
          {{"Brussel", "10", ""},
           {"Antwerpen", "20", ""},
           {"Gent", "90", ""},
           {"Liège", "40", ""},
           {"Namur", "50", ""},
           {"Leuven", "30", ""},
           {"Brugge", "80", ""},
           {"Charleroi", "60", ""}},
          "be",
          "32",
          {"2", "3", "9", "4", "81", "16"}};
    case Country::kLu:
      return {{"Schmit", "Muller", "Weber", "Hoffmann", "Wagner", "Thill", "Schiltz", "Reuter"},
              {"Jean", "Marie", "Paul", "Anne", "Marc", "Claude"},
              {"rue de l'Alzette", "boulevard Royal", "route d'Arlon", "rue du Fossé",
               "avenue de la Liberté"},
              {"S.à r.l.", "S.A."},
              {"Consulting", "Services", "Informatique", "Fiduciaire"},
              {{"Luxembourg", "1", ""}, {"Esch-sur-Alzette", "4", ""}, {"Differdange", "4", ""}},
              "lu",
              "352",
              {"2", "4"}};
    case Country::kEs:
      return {{"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
               "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
               "Álvarez", "Romero", "Navarro"},
              {"Antonio", "María", "José", "Carmen", "Javier", "Laura", "David", "Lucía", "Pablo",
               "Elena", "Sergio", "Marta"},
              {"Calle Mayor", "Avenida de la Constitución", "Calle de Alcalá", "Paseo de Gracia",
               "Calle Real", "Avenida Diagonal", "Calle San Vicente", "Gran Vía",
               "Polígono Industrial Las Mercedes"},
              {"S.L.", "S.L.", "S.A.", "S.L.U."},
              {"Construcciones", "Transportes", "Informática", "Suministros", "Instalaciones",
               "Ingeniería", "Servicios", "Gráficas"},
              {{"Madrid", "280", ""},
               {"Barcelona", "080", ""},
               {"Valencia", "460", ""},
               {"Sevilla", "410", ""},
               {"Zaragoza", "500", ""},
               {"Málaga", "290", ""},
               {"Bilbao", "480", ""},
               {"Alicante", "030", ""},
               {"Valladolid", "470", ""}},
              "es",
              "34",
              {"91", "93", "96", "95", "976", "94"}};
    case Country::kIt:
      return {{"Rossi",   "Russo",  "Ferrari",  "Esposito", "Bianchi",  "Romano", "Colombo",
               "Ricci",   "Marino", "Greco",    "Bruno",    "Gallo",    "Conti",  "De Luca",
               "Mancini", "Costa",  "Giordano", "Rizzo",    "Lombardi", "Moretti"},
              {"Marco", "Giulia", "Luca", "Francesca", "Alessandro", "Chiara", "Andrea", "Sara",
               "Matteo", "Elena", "Davide", "Paola"},
              {"Via Roma", "Corso Vittorio Emanuele II", "Piazza Garibaldi", "Viale Europa",
               "Via Giuseppe Verdi", "Via Dante Alighieri", "Via dell'Industria",
               "Via Giacomo Matteotti", "Corso Italia"},
              {"S.r.l.", "S.r.l.", "S.p.A.", "S.n.c.", "S.a.s."},
              {"Costruzioni", "Trasporti", "Informatica", "Forniture", "Impianti", "Ingegneria",
               "Servizi", "Arti Grafiche"},
              {{"Milano", "201", "MI"},
               {"Roma", "001", "RM"},
               {"Torino", "101", "TO"},
               {"Napoli", "801", "NA"},
               {"Bologna", "401", "BO"},
               {"Firenze", "501", "FI"},
               {"Verona", "371", "VR"},
               {"Padova", "351", "PD"},
               {"Bari", "701", "BA"},
               {"Genova", "161", "GE"}},
              "it",
              "39",
              {"02", "06", "011", "081", "051", "055", "045"}};
    case Country::kNl:
      return {{"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
               "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
               "Hendriks", "van Leeuwen", "Dekker"},
              {"Jan", "Sanne", "Pieter", "Eva", "Daan", "Lotte", "Bram", "Anouk", "Tim", "Femke",
               "Ruben", "Iris"},
              {"Keizersgracht", "Stationsweg", "Dorpsstraat", "Kerkstraat", "Industrieweg",
               "Hoofdstraat", "Marktplein", "Laan van Meerdervoort", "Schiedamseweg"},
              {"B.V.", "B.V.", "B.V.", "V.O.F.", "N.V."},
              {"Advies", "Bouw", "Transport", "Automatisering", "Installatietechniek", "Techniek",
               "Drukwerk", "Schoonmaak", "Logistiek"},
              {{"Amsterdam", "10", ""},
               {"Rotterdam", "30", ""},
               {"Den Haag", "25", ""},
               {"Utrecht", "35", ""},
               {"Eindhoven", "56", ""},
               {"Groningen", "97", ""},
               {"Tilburg", "50", ""},
               {"Breda", "48", ""},
               {"Nijmegen", "65", ""}},
              "nl",
              "31",
              {"20", "10", "70", "30", "40", "50"}};
    case Country::kGb:
      return {{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
               "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
               "Hall", "Wood", "Clarke"},
              {"James", "Sarah", "David", "Emma", "Oliver", "Charlotte", "Thomas", "Sophie",
               "Daniel", "Hannah", "Matthew", "Lucy"},
              {"High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane",
               "King Street", "Queens Road", "London Road", "Park Avenue", "New Street"},
              {"Ltd", "Ltd", "Limited", "LLP", "plc"},
              {"Consulting", "Engineering", "Logistics", "Software", "Supplies", "Electrical",
               "Design", "Systems", "Print", "Building Services"},
              {{"London", "EC2A", ""},
               {"London", "SW1A", ""},
               {"London", "N1", ""},
               {"Manchester", "M1", ""},
               {"Birmingham", "B3", ""},
               {"Leeds", "LS1", ""},
               {"Glasgow", "G2", ""},
               {"Bristol", "BS1", ""},
               {"Liverpool", "L2", ""},
               {"Edinburgh", "EH2", ""},
               {"Cardiff", "CF10", ""},
               {"Cambridge", "CB2", ""}},
              "co.uk",
              "44",
              {"20", "161", "121", "113", "141", "117", "151", "131"}};
    case Country::kIe:
      return {{"Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne", "Ryan", "O'Connor",
               "O'Neill", "Doyle", "McCarthy", "Gallagher", "Kennedy"},
              {"Seán", "Aoife", "Conor", "Niamh", "Patrick", "Ciara", "Liam", "Siobhán"},
              {"Main Street", "O'Connell Street", "Harcourt Street", "Dock Road", "Patrick Street",
               "Shop Street", "Merrion Square"},
              {"Ltd", "Limited", "DAC"},
              {"Consulting", "Engineering", "Software", "Supplies", "Logistics"},
              {{"Dublin 2", "D02", ""},
               {"Dublin 4", "D04", ""},
               {"Cork", "T12", ""},
               {"Galway", "H91", ""},
               {"Limerick", "V94", ""}},
              "ie",
              "353",
              {"1", "21", "91", "61"}};
    case Country::kUs:
      return {{"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
               "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "Harris",
               "Clark", "Lewis", "Walker"},
              {"John", "Jennifer", "Michael", "Jessica", "Robert", "Ashley", "William", "Emily",
               "Christopher", "Amanda"},
              {"Main Street", "Fifth Avenue", "Market Street", "Oak Street", "Park Avenue",
               "Washington Blvd", "Maple Drive", "Commerce Way", "Industrial Pkwy"},
              {"Inc.", "Inc.", "LLC", "LLC", "Corp.", "Co."},
              {"Consulting", "Supply", "Systems", "Solutions", "Technologies", "Logistics",
               "Electric", "Design Group", "Industries"},
              {{"New York", "100", "NY"},
               {"Chicago", "606", "IL"},
               {"Austin", "787", "TX"},
               {"Seattle", "981", "WA"},
               {"Denver", "802", "CO"},
               {"Boston", "021", "MA"},
               {"Atlanta", "303", "GA"},
               {"Portland", "972", "OR"},
               {"San Diego", "921", "CA"},
               {"Columbus", "432", "OH"}},
              "com",
              "1",
              {"212", "312", "512", "206", "303", "617", "404", "503", "619", "614"}};
    case Country::kSe:
      return {
          {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
           "Persson", "Svensson", "Gustafsson", "Lindberg", "Lindqvist", "Nordström", "Bergström"},
          {"Erik", "Anna", "Lars", "Karin", "Johan", "Maria", "Anders", "Sara", "Nils", "Emma"},
          {"Drottninggatan", "Storgatan", "Sveavägen", "Kungsgatan", "Industrivägen", "Hamngatan",
           "Vasagatan"},
          {"AB", "AB", "AB", "HB"},
          {"Konsult", "Bygg", "Data", "Logistik", "Teknik", "Tryck"},
          {{"Stockholm", "11", ""},
           {"Göteborg", "41", ""},
           {"Malmö", "21", ""},
           {"Uppsala", "75", ""},
           {"Västerås", "72", ""},
           {"Örebro", "70", ""},
           {"Linköping", "58", ""}},
          "se",
          "46",
          {"8", "31", "40", "18", "21", "19"}};
    case Country::kJp:
      return {{"Tanaka", "Suzuki", "Sato", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura",
               "Kobayashi", "Kato"},
              {"Hiroshi", "Yuki", "Takeshi", "Akiko", "Kenji", "Naoko"},
              {"Shibuya", "Minato", "Chiyoda", "Shinjuku", "Nishi-ku", "Chuo-ku"},
              {"Co., Ltd.", "K.K.", "Corporation"},
              {"Trading", "Electronics", "Industries", "Shoji", "Seiki"},
              {{"Tokyo", "1", ""}, {"Osaka", "5", ""}, {"Nagoya", "4", ""}, {"Yokohama", "2", ""}},
              "co.jp",
              "81",
              {"3", "6", "52", "45"}};
  }
  return {};
}

std::string Digits(Rng& rng, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.Uniform(0, 9)));
  return out;
}

std::string Postcode(Country country, const City& city, Rng& rng) {
  const std::string prefix(city.postcode_prefix);
  auto fill = [&](std::size_t length) { return prefix + Digits(rng, length - prefix.size()); };
  switch (country) {
    case Country::kDe:
    case Country::kFr:
    case Country::kEs:
    case Country::kIt:
    case Country::kUs:
      return fill(5);
    case Country::kAt:
    case Country::kCh:
    case Country::kBe:
      return fill(4);
    case Country::kLu:
      return "L-" + fill(4);
    case Country::kNl: {
      constexpr std::string_view kLetters = "ABCDEGHJKLMNPRSTVWXZ";
      return fill(4) + " " + std::string(1, kLetters[rng.Index(kLetters.size())]) +
             std::string(1, kLetters[rng.Index(kLetters.size())]);
    }
    case Country::kGb: {
      constexpr std::string_view kLetters = "ABDEFGHJLNPQRSTUWXYZ";
      return prefix + " " + Digits(rng, 1) + std::string(1, kLetters[rng.Index(kLetters.size())]) +
             std::string(1, kLetters[rng.Index(kLetters.size())]);
    }
    case Country::kIe: {
      constexpr std::string_view kChars = "ACDEFHKNPRTVWXY0123456789";
      std::string tail;
      for (int i = 0; i < 4; ++i) tail.push_back(kChars[rng.Index(kChars.size())]);
      return prefix + " " + tail;
    }
    case Country::kSe: {
      const std::string code = fill(5);
      return code.substr(0, 3) + " " + code.substr(3);
    }
    case Country::kJp: {
      const std::string code = fill(7);
      return code.substr(0, 3) + "-" + code.substr(3);
    }
  }
  return fill(5);
}

std::string HouseNumber(Rng& rng) {
  std::string n = std::to_string(rng.Weighted({6, 3, 1}) == 0 ? rng.Uniform(1, 40)
                                 : rng.Chance(0.5)            ? rng.Uniform(41, 180)
                                                              : rng.Uniform(181, 2400));
  if (rng.Chance(0.08)) n.push_back(static_cast<char>('a' + rng.Uniform(0, 3)));
  return n;
}

std::vector<std::string> Address(Country country, const CountryData& data, const City& city,
                                 Rng& rng) {
  const std::string street(rng.Pick(data.streets));
  const std::string name(city.name);
  const std::string code = Postcode(country, city, rng);
  std::string number = HouseNumber(rng);
  switch (country) {
    case Country::kDe:
    case Country::kAt:
    case Country::kCh:
    case Country::kBe:
    case Country::kNl:
    case Country::kSe:
      return {street + " " + number, code + " " + name};
    case Country::kFr: {
      std::string upper;
      for (const char c : name)
        upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
      return {number + " " + street, code + " " + (rng.Chance(0.5) ? upper : name)};
    }
    case Country::kLu:
      return {number + ", " + street, code + " " + name};
    case Country::kEs: {
      std::string line = street + ", " + number;
      if (rng.Chance(0.3))
        line += ", " + std::to_string(rng.Uniform(1, 8)) + "º " +
                std::string(1, static_cast<char>('A' + rng.Uniform(0, 3)));
      return {line, code + " " + name};
    }
    case Country::kIt:
      return {street + ", " + number, code + " " + name + " (" + std::string(city.region) + ")"};
    case Country::kGb:
    case Country::kIe: {
      std::vector<std::string> lines;
      if (rng.Chance(0.25)) {
        lines.push_back("Unit " + std::to_string(rng.Uniform(1, 30)) + ", " +
                        rng.Pick({"Riverside Business Park", "Kingsway Trading Estate",
                                  "Enterprise Centre", "Phoenix Court"}));
        number = std::to_string(rng.Uniform(1, 40));
      }
      lines.push_back(number + " " + street);
      lines.push_back(name);
      lines.push_back(code);
      return lines;
    }
    case Country::kUs: {
      std::string line = number + " " + street;
      if (rng.Chance(0.35)) line += ", Suite " + std::to_string(rng.Uniform(100, 2400));
      return {line, name + ", " + std::string(city.region) + " " + code};
    }
    case Country::kJp:
      return {std::to_string(rng.Uniform(1, 5)) + "-" + std::to_string(rng.Uniform(1, 20)) + "-" +
                  std::to_string(rng.Uniform(1, 30)) + " " + street,
              name + " " + code};
  }
  return {street + " " + number, code + " " + name};
}

// ASCII for domain names: "Müller & Söhne" -> "muellersoehne".
std::string Slug(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kFold[] = {
      {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"}, {"Ä", "ae"}, {"Ö", "oe"},
      {"Ü", "ue"}, {"é", "e"},  {"è", "e"},  {"ê", "e"},  {"É", "e"},  {"à", "a"},
      {"á", "a"},  {"â", "a"},  {"í", "i"},  {"ó", "o"},  {"ú", "u"},  {"ñ", "n"},
      {"ç", "c"},  {"Á", "a"},  {"å", "a"},  {"ô", "o"},  {"î", "i"},  {"ë", "e"}};
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    bool folded = false;
    for (const auto& [from, to] : kFold) {
      if (name.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (folded) continue;
    const auto c = static_cast<unsigned char>(name[i]);
    if (std::isalnum(c) != 0 && c < 0x80) out.push_back(static_cast<char>(std::tolower(c)));
    ++i;
  }
  return out.substr(0, 18);
}

std::string Phone(Country country, const CountryData& data, Rng& rng) {
  const std::string area(rng.Pick(data.areas));
  if (country == Country::kUs) {
    return "(" + area + ") 555-" + Digits(rng, 4);
  }
  const std::string number = Digits(rng, 3) + " " + Digits(rng, 4);
  // Italian area codes carry their 0 in the table; Spanish numbers have no trunk prefix.
  const bool keeps_zero = country == Country::kIt;
  const bool no_trunk = country == Country::kEs;
  if (rng.Chance(0.6)) {
    return "+" + std::string(data.calling_code) + " " + area + " " + number;
  }
  return (keeps_zero || no_trunk ? "" : "0") + area + " " + number;
}

std::string Fantasy(Rng& rng) {
  static constexpr std::string_view kHeads[] = {
      "Nova",   "Alpen", "Blue",  "Sun",   "Nord",   "Vita",  "Terra", "Omni",
      "Astra",  "Lumen", "Quant", "Orbi",  "Silver", "Green", "Iso",   "Medi",
      "Prisma", "Vento", "Delta", "Helio", "Kontor", "Rhein", "Atlas", "Cedar"};
  static constexpr std::string_view kTails[] = {
      "tek", "line",  "soft", "med",   "tronic", "werk", "data", "plan",   "form",  "net",
      "lux", "logic", "wave", "point", "works",  "ix",   "era",  "bridge", "stone", "field"};
  return std::string(rng.Pick(kHeads)) + std::string(rng.Pick(kTails));
}

std::string CompanyName(Country country, Language language, const CountryData& data, Rng& rng) {
  const std::string surname(rng.Pick(data.surnames));
  const std::string form(rng.Pick(data.legal_forms));
  const std::string trade(rng.Pick(data.trades));
  const bool trade_first = language == Language::kFr || language == Language::kEs ||
                           (language == Language::kIt && rng.Chance(0.5));
  switch (rng.Weighted({4, 2, 3, 2, 1})) {
    case 0:
      return (trade_first ? trade + " " + surname : surname + " " + trade) + " " + form;
    case 1: {
      std::string other(rng.Pick(data.surnames));
      if (other == surname) other = std::string(data.surnames.front());
      const std::string_view amp = language == Language::kIt   ? " e "
                                   : language == Language::kEs ? " y "
                                   : language == Language::kFr ? " et "
                                                               : " & ";
      return surname + std::string(amp) + other + " " + form;
    }
    case 2:
      return Fantasy(rng) + " " + form;
    case 3:
      return Fantasy(rng) + " " + trade + " " + form;
    default: {
      static constexpr std::string_view kSons[] = {" & Sons",  " & Söhne", " et Fils",
                                                   " e Hijos", " & Figli", " & Zonen"};
      std::string_view sons = kSons[static_cast<std::size_t>(language)];
      if (country == Country::kUs || country == Country::kJp) sons = " Brothers";
      return surname + std::string(sons) + " " + form;
    }
  }
}

std::string Registration(Country country, const Party& party, const CountryData& data, Rng& rng) {
  const City city = rng.Pick(data.cities);
  const std::string name(city.name);
  switch (country) {
    case Country::kDe: {
      const bool partnership = party.name.find("KG") != std::string::npos ||
                               party.name.find("e.K.") != std::string::npos ||
                               party.name.find("OHG") != std::string::npos;
      return "Amtsgericht " + name + (partnership ? " HRA " : " HRB ") +
             std::to_string(rng.Uniform(1000, 259999));
    }
    case Country::kAt:
      return "FN " + std::to_string(rng.Uniform(100000, 599999)) +
             std::string(1, static_cast<char>('a' + rng.Uniform(0, 25))) + ", " + "Landesgericht " +
             name;
    case Country::kCh:
      return "Handelsregister " + name;
    case Country::kFr: {
      const std::string siren = party.vat_compact.substr(4);
      return "SIRET " + siren.substr(0, 3) + " " + siren.substr(3, 3) + " " + siren.substr(6) +
             " " + Digits(rng, 5) + " - RCS " + name + " - Capital " +
             rng.Pick({"1 000", "7 500", "10 000", "50 000", "150 000"}) + " €";
    }
    case Country::kBe:
      return "RPR/RPM " + name + " - " + party.vat_compact.substr(2, 4) + "." +
             party.vat_compact.substr(6, 3) + "." + party.vat_compact.substr(9);
    case Country::kLu:
      return "RCS Luxembourg B" + std::to_string(rng.Uniform(10000, 289999));
    case Country::kEs:
      return "Inscrita en el Registro Mercantil de " + name + ", Tomo " +
             std::to_string(rng.Uniform(1000, 40000)) + ", Folio " +
             std::to_string(rng.Uniform(1, 220)) + ", Hoja " +
             std::to_string(rng.Uniform(10000, 699999));
    case Country::kIt:
      return "REA " + std::string(city.region) + "-" +
             std::to_string(rng.Uniform(100000, 2599999)) + " - Cap. soc. € " +
             rng.Pick({"10.000,00", "50.000,00", "100.000,00"}) + " i.v.";
    case Country::kNl:
      return "KvK " + Digits(rng, 8);
    case Country::kGb:
      return "Registered in England and Wales No. " + Digits(rng, 8);
    case Country::kIe:
      return "Registered in Ireland No. " + std::to_string(rng.Uniform(100000, 799999));
    case Country::kSe:
      return "Org.nr " + party.vat_compact.substr(2, 6) + "-" + party.vat_compact.substr(8, 4) +
             " - Registered office " + name;
    case Country::kUs:
    case Country::kJp:
      return {};
  }
  return {};
}

}  // namespace

std::string HomeCurrency(Country country) {
  switch (country) {
    case Country::kCh:
      return "CHF";
    case Country::kGb:
      return "GBP";
    case Country::kUs:
      return "USD";
    case Country::kSe:
      return "SEK";
    case Country::kJp:
      return "JPY";
    default:
      return "EUR";
  }
}

std::vector<std::string> TaxRates(Country country, const Date& date) {
  switch (country) {
    case Country::kDe:
      return {"19", "7"};
    case Country::kAt:
      return {"20", "10", "13"};
    case Country::kCh:
      return date.year() >= 2024 ? std::vector<std::string>{"8.1", "2.6"}
                                 : std::vector<std::string>{"7.7", "2.5"};
    case Country::kFr:
      return {"20", "10", "5.5"};
    case Country::kBe:
      return {"21", "6", "12"};
    case Country::kLu:
      return {"17", "8"};
    case Country::kEs:
      return {"21", "10"};
    case Country::kIt:
      return {"22", "10", "4"};
    case Country::kNl:
      return {"21", "9"};
    case Country::kGb:
      return {"20", "5"};
    case Country::kIe:
      return {"23", "13.5"};
    case Country::kUs:
      return {"8.875", "6.25", "7", "8.25", "9.5", "6"};
    case Country::kSe:
      return {"25", "12"};
    case Country::kJp:
      return {"10"};
  }
  return {"20"};
}

Party MakeCompany(Country country, Language language, Rng& rng) {
  const CountryData data = DataOf(country);
  Party party;
  party.country = country;
  party.name = CompanyName(country, language, data, rng);
  const City city = rng.Pick(data.cities);
  party.city = std::string(city.name);
  party.address_lines = Address(country, data, city, rng);
  const TaxId vat = MakeVatId(country, language, rng);
  party.vat_compact = vat.compact;
  party.vat_printed = vat.printed;
  party.phone = Phone(country, data, rng);
  const std::string domain =
      Slug(party.name.substr(0, party.name.rfind(' '))) + "." + std::string(data.tld);
  party.website = "www." + domain;
  party.email =
      std::string(rng.Pick({"info", "billing", "accounts", "office", "invoices"})) + "@" + domain;
  party.contact =
      std::string(rng.Pick(data.first_names)) + " " + std::string(rng.Pick(data.surnames));
  party.manager =
      std::string(rng.Pick(data.first_names)) + " " + std::string(rng.Pick(data.surnames));
  party.registration = Registration(country, party, data, rng);
  return party;
}

Party MakePerson(Country country, Rng& rng) {
  const CountryData data = DataOf(country);
  Party party;
  party.country = country;
  const std::string title = rng.Chance(0.2) ? "Dr. " : "";
  party.name =
      title + std::string(rng.Pick(data.first_names)) + " " + std::string(rng.Pick(data.surnames));
  const City city = rng.Pick(data.cities);
  party.city = std::string(city.name);
  party.address_lines = Address(country, data, city, rng);
  return party;
}

void AddCountryLine(Party& party, Language language) {
  party.address_lines.emplace_back(CountryName(party.country, language));
}

}  // namespace invoicer::synth
