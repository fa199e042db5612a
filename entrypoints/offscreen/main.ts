console.log("offscreen");
