package extract

import "strings"

// givenNameGender holds common given names whose bearers are usually of
// one gender, across the languages news copy draws on. A first name gives
// a person a gender at once, which keeps "he" and "she" apart when two
// people are quoted; names used for both are left out.
var givenNameGender = buildGivenNames()

func buildGivenNames() map[string]byte {
	m := map[string]byte{}
	for _, n := range strings.Fields(femaleNames) {
		m[strings.ToLower(n)] = 'f'
	}
	for _, n := range strings.Fields(maleNames) {
		m[strings.ToLower(n)] = 'm'
	}
	return m
}

const femaleNames = `
Abena Abigail Ada Adaeze Adaora Adela Adriana Agata Agnes Agnieszka Aisha Alejandra
Alessandra Alexandra Alice Alicia Alina Alison Amanda Amara Amelia Amina Amy Ana
Anastasia Andrea Angela Angelika Anita Ann Anna Anne Annette Annick Antonia Ariana
Astrid Audrey Aurelie Ayesha Barbara Beatrice Beatriz Bernadette Bethany Bianca Birgit
Brenda Bridget Brigitte Camille Carla Carmen Carol Caroline Catherine Cecilia Celine
Charlotte Chiara Chloe Christina Christine Claire Clara Claudia Colette Constance
Cristina Daniela Danielle Daphne Deborah Delia Denise Diana Dolores Dominika Donna
Dorothea Dorothy Edith Elena Eleanor Elisa Elisabeth Eliza Elizabeth Ella Ellen Elsa
Emilia Emily Emma Erika Esther Eva Evangeline Eve Evelyn Fatima Fatma Fiona Florence
Francesca Frida Gabriela Gabrielle Gemma Georgia Gisela Giulia Gloria Grace Greta
Gwen Hadiza Halima Hanna Hannah Hanne Harriet Hattie Heather Heidi Helen Helena Helene
Hilda Ida Imogen Ines Inés Ingrid Irena Irene Irina Iris Isabel Isabella Isabelle
Jacqueline Jana Jane Janet Janice Jasmine Jeanne Jennifer Jessica Joan Joanna Josephine
Judith Julia Julie Juliet Karen Karin Katarina Katarzyna Kate Katharina Katherine
Kathleen Katrin Kerstin Laura Lauren Leila Lena Leonie Lidia Liesel Lina Linda Lisa
Liv Lorena Loretta Lorraine Louise Lucia Lucía Lucinda Lucy Ludmila Luisa Lydia Magda
Magdalena Maja Malika Margaret Margarethe Marguerite Maria María Mariam Marianne Marie
Marina Marisol Marta Martha Martina Mary Matilda Maya Megan Melanie Mercedes Mia
Michelle Milena Miriam Monica Monika Nadia Nadine Nancy Natalia Natasha Nathalie Nell
Nicole Nina Noor Nora Odile Olga Olivia Paloma Pamela Patricia Paula Paulina Petra
Philippa Pilar Polly Priya Rachel Rebecca Renata Rita Roberta Rosa Rosalind Rose
Ruth Sabine Sabrina Sandra Sara Sarah Silvia Simone Sofia Sophia Sophie Stefanie
Susan Susanne Svetlana Sylvia Tamara Tanya Teresa Theodora Tina Ursula Valentina
Valerie Vanessa Vera Veronica Veronika Victoria Viktoria Vivian Wendy Yasmin Yolanda
Yvonne Zainab Zara Zofia Zoe
`

const maleNames = `
Aaron Abdullah Adam Adrian Ahmed Alan Albert Alberto Aleksander Alessandro Alexander
Alexei Alfie Ali Alistair Ambrose Anatol Andreas Andrei Andrew Anthony Anton Antonio
Antony Arkadiusz Armin Arnold Arthur Axel Barack Benjamin Bernard Bertrand Bjorn Boris
Bram Brian Bruno Callum Carlos Carlo Charles Christian Christopher Colin Conor Cormac
Craig Daniel Darius Darren David Dennis Derek Desmond Diego Dimitri Dino Dmitri
Dominic Donald Douglas Duncan Dusan Edgar Eduardo Edward Edwin Eli Elias Emil Emmanuel
Enrique Eric Erik Ernesto Ernst Esteban Ethan Eugene Evan Fabian Felipe Felix Fergal
Fernando Francesco Francisco Frank Franz Fred Frederick Gabriel Gareth George Gerald
Gerhard Giovanni Giuseppe Gordon Graham Gregory Gunnar Gustav Hamish Hans Harold Harry
Hassan Heinrich Henrik Henry Herbert Hugo Hussein Ian Ibrahim Igor Ignatius Imran
Isaac Ivan Ivo Jack Jacob Jake James Jan Javier Jean Jens Jeremy Joachim Joe John
Jonah Jonathan Jorge Jose José Joseph Juan Julian Jurgen Karl Kenneth Kevin Klaus
Kwabena Kwame Lars Laurent Leon Leonardo Lionel Lorenzo Louis Luca Lucas Luis Lukas
Magnus Malcolm Manuel Marc Marcel Marco Marcus Mario Mark Martin Mateo Matthew Matthias
Maurice Max Michael Miguel Mikhail Miles Mohamed Mohammed Muhammad Nathan Neil Nicholas
Nikolai Noah Norbert Olaf Oleg Oliver Omar Oren Oscar Oskar Oswin Otto Pablo Patrick
Paul Paulo Pavel Pedro Peter Petr Philip Philippe Pierre Pieter Rafael Rahul Ravi
Raymond Richard Robert Roberto Rodrigo Roger Roland Ronald Rory Ruben Rupert Samuel
Sebastian Sergei Sergio Shane Simon Stefan Stephen Steven Stuart Sven Theo Thomas
Timothy Tobias Tom Tomas Tomasz Travis Ulrich Victor Viggo Viktor Vincent Vladimir
Walter Werner William Wolfgang Yusuf Zoltan
`
